package org.letterdesk.app.demo;

import org.letterdesk.app.demo.DemoLetter.Sender;
import org.letterdesk.app.demo.DemoLetter.Stage;
import org.letterdesk.app.demo.DemoLetter.Twist;

import java.util.List;
import java.util.Set;

/** The demo month: letters of every kind and in every stage, as a customer-service office receives them. */
final class DemoLetters {

    private DemoLetters() {
    }

    private static DemoLetter letter(int daysAgo, int hour, String channel, String category, Sender sender,
                                     String subject, String coreRequest, String department, String assignee,
                                     Stage stage, Twist... twists) {
        return new DemoLetter(daysAgo, hour, channel, category, sender, subject, coreRequest, null, null, department,
                assignee, false, false, stage, Set.of(twists));
    }

    private static Sender person(String name, String phone, String email, String address) {
        return new Sender(name, null, phone, email, address);
    }

    static final List<DemoLetter> MONTH = List.of(
            letter(27, 10, "LETTER", "COMPLAINT", person("王建国", "13912345678", null, "江苏省南京市玄武区中山路18号"),
                    "会员积分三月份未到账", "三月份在门店消费共计2,860元，积分至今未到账，请核实并补发。",
                    "CUSTOMER_SERVICE", "handler", Stage.ARCHIVED),
            letter(1, 11, "EMAIL", "CONSULTATION", person("李晓梅", "13800138001", "li.xiaomei@example.com", null),
                    "咨询年度服务合同续签流程", "公司合同将于下月到期，想了解续签所需材料和办理时限。",
                    "BUSINESS", "handler2", Stage.ARCHIVED),
            letter(25, 9, "PHONE", "ASSISTANCE", person("赵红", "13700137002", null, "浙江省杭州市西湖区文三路90号"),
                    "老人独居需上门协助办理业务", "母亲行动不便，希望安排工作人员上门协助办理账户变更。",
                    "CUSTOMER_SERVICE", "handler", Stage.ARCHIVED, Twist.CORRECTED),
            letter(2, 16, "LETTER", "SUGGESTION", person("陈志强", null, null, "上海市浦东新区世纪大道100号"),
                    "建议延长周末营业时间", "周末营业时间太短，建议周六、周日延长至晚上八点。",
                    "ADMINISTRATION", "handler2", Stage.CLOSED),
            letter(22, 11, "VISIT", "COMPLAINT", person("刘芳", "13600136003", null, "北京市朝阳区建国路88号"),
                    "维修服务超时未完成", "报修后承诺三日内上门，实际等待十天仍未完成维修。",
                    "CUSTOMER_SERVICE", "handler", Stage.SENT, Twist.DISPUTE_INVESTIGATED),
            letter(1, 15, "ONLINE", "PRAISE", person("孙丽", null, "sun.li@example.com", null),
                    "表扬客服专员耐心细致", "客服专员小周耐心解答了我的问题，特此表扬。",
                    "ADMINISTRATION", "handler2", Stage.ARCHIVED),
            letter(20, 10, "EMAIL", "COMPLAINT", person("周杰", "13500135004", "zhou.jie@example.com", null),
                    "账单金额与合同不符", "四月账单比合同约定多收了320元，请核实并退还。",
                    "BUSINESS", "handler", Stage.CLOSED, Twist.DELAYED, Twist.CORRECTED),
            letter(2, 9, "LETTER", "PAID_SERVICE", person("吴敏", "13400134005", null, "广东省广州市天河区体育西路1号"),
                    "申请有偿上门安装服务", "新购设备需要上门安装，请告知收费标准和预约方式。",
                    "BUSINESS", "handler2", Stage.CLOSED),
            letter(16, 14, "FAX", "WORK_CONTACT", new Sender("市消费者协会", "市消费者协会", "02588886666", null,
                            "江苏省南京市鼓楼区北京西路6号"),
                    "关于转办消费者投诉的函", "现将消费者王某关于退款问题的投诉转至贵单位，请于十个工作日内反馈处理结果。",
                    "ADMINISTRATION", "handler", Stage.SENT, Twist.DISPUTE_RESOLVED),
            letter(14, 10, "PHONE", "COMPLAINT", person("郑伟", "13300133006", null, null),
                    "客服热线长时间无人接听", "连续三天拨打客服热线，等待超过二十分钟无人接听。",
                    "CUSTOMER_SERVICE", "handler", Stage.APPROVED),
            letter(12, 15, "EMAIL", "CONSULTATION", person("冯雪", null, "feng.xue@example.com", null),
                    "咨询电子发票开具", "请问如何开具电子发票，已消费的订单能否补开？",
                    "CUSTOMER_SERVICE", "handler2", Stage.APPROVED, Twist.REJECTED),
            letter(10, 9, "LETTER", "COMPLAINT", person("何静", "13200132007", null, "四川省成都市锦江区春熙路20号"),
                    "快递包裹丢失要求赔偿", "通过贵公司寄送的包裹丢失，价值1,500元，要求按规定赔偿。",
                    "BUSINESS", "handler", Stage.FORMAT_APPROVED),
            letter(8, 11, "ONLINE", "ASSISTANCE", person("许亮", "13100131008", "xu.liang@example.com", null),
                    "账户被锁定无法登录", "多次输错密码后账户被锁定，请协助解锁。",
                    "CUSTOMER_SERVICE", "handler2", Stage.DRAFTED, Twist.WORDING_FINDING),
            letter(6, 16, "VISIT", "SUGGESTION", person("马丽娟", null, null, "湖北省武汉市江汉区解放大道2号"),
                    "建议增设无障碍通道", "营业厅入口台阶较高，轮椅无法通行，建议增设无障碍坡道。",
                    "ADMINISTRATION", "handler", Stage.DRAFTED),
            letter(4, 10, "EMAIL", "CONSULTATION", person("高峰", "13000130009", "gao.feng@example.com", null),
                    "咨询套餐变更后的资费", "变更套餐后本月资费如何计算？是否按天折算？",
                    "CUSTOMER_SERVICE", "handler", Stage.ASSIGNED),
            letter(3, 15, "LETTER", "COMPLAINT", person("林小燕", "15900159010", null, "福建省厦门市思明区湖滨南路5号"),
                    "工作人员服务态度差", "在营业厅办理业务时，工作人员态度冷淡并拒绝解释收费项目。",
                    "CUSTOMER_SERVICE", "handler2", Stage.ASSIGNED),
            letter(2, 9, "PHONE", "CONSULTATION", person("黄磊", "15800158011", null, null),
                    "咨询积分兑换规则", "积分可以兑换哪些礼品？兑换后能否退回？",
                    null, null, Stage.RECEIVED),
            letter(1, 14, "ONLINE", "SUGGESTION", person("杨帆", null, "yang.fan@example.com", null),
                    "希望手机应用增加账单提醒", "建议在手机应用中增加账单到期前三天的提醒功能。",
                    null, null, Stage.RECEIVED),
            new DemoLetter(0, 8, "PHONE", "COMPLAINT", person("曹敏", "15700157012", null, "江苏省苏州市姑苏区人民路3号"),
                    "燃气表附近有异味", "家中燃气表附近闻到明显异味，担心存在泄漏风险，请尽快派人检查。",
                    "来电人情绪紧张，已提醒开窗通风", "涉及人身安全风险", "CUSTOMER_SERVICE", "handler", false, false,
                    Stage.ASSIGNED, Set.of()),
            new DemoLetter(19, 10, "LETTER", "COMPLAINT", person("宋海", "15600156013", null, "山东省济南市历下区泉城路9号"),
                    "多次投诉未解决要求上级处理", "同一维修问题已投诉三次仍未解决，要求公司领导出面处理并给予补偿。",
                    "第三次来函", null, "CUSTOMER_SERVICE", "handler", true, true, Stage.ARCHIVED, Set.of()),
            new DemoLetter(9, 14, "EMAIL", "COMPLAINT", person("唐娜", "15500155014", "tang.na@example.com", null),
                    "退款流程复杂迟迟未到账", "申请退款已两周，流程复杂且款项仍未到账，请说明原因并给出解决方案。",
                    null, null, "BUSINESS", "handler2", true, false, Stage.SENT, Set.of()));
}
