package org.letterdesk.bench;

import java.util.List;
import java.util.Random;

/** Realistic Chinese letter content, varied by combining phrases, so payloads have production-like sizes. */
final class Texts {

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
            "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇",
            "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "志强", "晓燕", "海燕", "文博"};
    private static final String[] PINYIN = {"wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu",
            "zhou", "xu", "sun", "ma", "zhu", "hu", "guo", "he", "gao", "lin", "luo"};
    private static final String[] CITIES = {"上海市浦东新区", "北京市朝阳区", "广州市天河区", "深圳市南山区", "杭州市西湖区",
            "成都市武侯区", "武汉市洪山区", "南京市鼓楼区", "西安市雁塔区", "重庆市渝中区", "天津市河西区", "苏州市工业园区"};
    private static final String[] STREETS = {"世纪大道", "人民路", "解放路", "中山路", "建设路", "和平路", "长江路", "黄河路",
            "新华路", "滨江大道"};
    private static final String[] ORGS = {null, null, null, "华信科技有限公司", "东方贸易有限公司", "恒通物流有限公司",
            "新城物业管理有限公司", "明德律师事务所", "星光文化传媒有限公司"};
    static final String[] SUBJECTS = {"会员积分未到账", "账单金额有误", "退款迟迟未到", "服务态度问题投诉", "快递延误咨询",
            "合同条款解释请求", "发票开具问题", "网点营业时间建议", "个人信息更正申请", "套餐变更咨询", "表扬客服人员",
            "重复扣费问题", "预约服务无法办理", "产品质量问题反映", "积分兑换规则咨询", "上门服务时间协调", "工作联系函",
            "关于收费标准的信访", "账户冻结申诉", "优惠活动未兑现"};
    private static final String[] OPENINGS = {"本人于今年三月在贵公司办理了业务，", "我是贵公司的老客户，",
            "近期我在贵公司营业厅办理业务时，", "我于上月通过网上渠道提交了申请，", "我家中老人在贵公司开通了服务，",
            "我公司与贵单位长期保持业务往来，", "本人多次致电客服热线，"};
    private static final String[] MIDDLES = {"发现账户中的消费积分一直没有到账，", "收到的账单金额与实际使用情况明显不符，",
            "工作人员答复需要等待审核，但至今已超过一个月仍无结果，", "被告知系统升级导致数据延迟，",
            "多次反映后问题仍未得到解决，", "客服人员态度敷衍，没有给出明确的处理时间，", "扣款记录显示同一笔费用被收取了两次，",
            "营业网点的工作人员无法查询到相关记录，", "相关说明与合同约定的内容不一致，"};
    private static final String[] REQUESTS = {"请核实三月份消费积分并补发。", "请尽快核查并退还多收取的费用。",
            "请给出书面答复并说明处理时限。", "希望贵公司能够重视并改进服务流程。", "请更正我的个人信息并告知处理结果。",
            "请安排专人与我联系，协商解决方案。", "请说明收费依据并提供相关明细。", "请对相关工作人员进行批评教育。"};
    private static final String[] NOTES = {"已致电确认来信内容", "已与来信人电话沟通，对方同意等待核查结果", "已发送短信告知受理情况",
            "来信人不在，已留言并发送邮件", "已当面说明处理流程"};
    static final String[] SUMMARIES = {"关于您反映的会员积分未按时到账的问题，经核查，现答复如下：",
            "关于您反映的账单金额问题，我们高度重视，经认真核查，现将有关情况答复如下：",
            "感谢您对我们工作的关注和支持。关于您来信反映的问题，经调查核实，答复如下：",
            "您好！您的来信已收悉。针对您提出的退款问题，经相关部门核实，现答复如下："};
    static final String[] POINTS = {"您三月份的消费积分因系统升级延迟入账，已补发至您的账户。", "今后积分将在消费后24小时内到账。",
            "经核查，系统在账单生成时出现重复计费，多收取的费用已于本月退回您的原支付账户。",
            "我们已对相关工作人员进行了批评教育，并加强了服务规范培训。", "如您仍有疑问，可拨打客服热线或前往就近营业网点咨询。",
            "您反映的营业时间问题，我们将在下季度调整方案中统筹考虑。", "您的个人信息已按要求更正，更正结果已同步至各业务系统。"};
    private static final String[] FINDINGS = {"系统日志显示已补发", "经调取通话录音，客服答复符合规范", "核查发现数据录入有误，已更正"};

    private Texts() {
    }

    static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    static String name(Random r) {
        return pick(r, SURNAMES) + pick(r, GIVEN);
    }

    static String phone(Random r) {
        return "1" + (3 + r.nextInt(7)) + String.format("%09d", r.nextInt(1_000_000_000));
    }

    static String email(Random r) {
        return pick(r, PINYIN) + "." + pick(r, PINYIN) + r.nextInt(1000) + "@example.com";
    }

    static String address(Random r) {
        return pick(r, CITIES) + pick(r, STREETS) + (1 + r.nextInt(999)) + "号";
    }

    static String organization(Random r) {
        return pick(r, ORGS);
    }

    static String subject(Random r) {
        return pick(r, SUBJECTS);
    }

    static String coreRequest(Random r) {
        StringBuilder b = new StringBuilder(pick(r, OPENINGS));
        int middles = 1 + r.nextInt(3);
        for (int i = 0; i < middles; i++) {
            b.append(pick(r, MIDDLES));
        }
        return b.append(pick(r, REQUESTS)).toString();
    }

    static String note(Random r) {
        return pick(r, NOTES);
    }

    static String summary(Random r) {
        return pick(r, SUMMARIES);
    }

    static List<String> points(Random r) {
        int n = 2 + r.nextInt(3);
        java.util.ArrayList<String> points = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            points.add(pick(r, POINTS));
        }
        return points;
    }

    static String findings(Random r) {
        return pick(r, FINDINGS);
    }

    static String hex64(Random r) {
        StringBuilder b = new StringBuilder(64);
        for (int i = 0; i < 64; i++) {
            b.append(Character.forDigit(r.nextInt(16), 16));
        }
        return b.toString();
    }
}
