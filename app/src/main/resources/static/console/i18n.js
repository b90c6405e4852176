// Chinese names of the contract's enum values and problem codes.

export const ROLES = {
  CLERK: '客服/登记员', HANDLER: '业务答复人', REVIEWER: '内容专员', SUPERVISOR: '部门主管',
  DIRECTOR: '客户关系总监', LEGAL: '法务', ARCHIVIST: '行政/档案', AUDITOR: '审计', ADMIN: '系统管理员',
  SYSTEM: '系统',
};

export const STATUS = {
  RECEIVED: '已登记', ASSIGNED: '已分配', DRAFTING: '撰写中', IN_REVIEW: '审核中', APPROVED: '已批准',
  SENT: '已发送', CLOSED: '已办结', ARCHIVED: '已存档',
};

export const CHANNEL = {
  LETTER: '来函', EMAIL: '电子邮件', PHONE: '来电', VISIT: '来访', FAX: '传真', ONLINE: '网上',
};

export const CATEGORY = {
  CONSULTATION: '事务咨询', ASSISTANCE: '事务求助', PAID_SERVICE: '有偿服务需求', SUGGESTION: '建议与意见',
  COMPLAINT: '投诉', PRAISE: '表扬信', WORK_CONTACT: '工作联系', PETITION: '信访',
};

export const DEPARTMENT = {
  CUSTOMER_SERVICE: '客服部门', BUSINESS: '业务部门', ADMINISTRATION: '行政部门', UNASSIGNED: '未分配', ALL: '合计',
};

export const DEADLINE = {
  FIRST_RESPONSE: '初步响应', REPLY: '答复', FOLLOW_UP: '电话跟进', DISPUTE_INVESTIGATION: '争议调查',
  ACCEPTANCE: '信访受理', COMMITMENT: '承诺事项', REFERRAL_REPORT: '批办件报告', REVIEW: '复查/复核答复',
};

export const DEADLINE_STATE = { OPEN: '进行中', MET: '已完成', MISSED: '已超时' };

export const REVIEW_LEVEL = { FORMAT: '内容专员审核', SUPERVISOR: '部门主管审核', DIRECTOR: '客户关系总监审核' };
export const DECISION = { APPROVED: '通过', REJECTED: '退回' };
export const REPLY_CHANNEL = { EMAIL: '电子邮件', REGISTERED_MAIL: '挂号信', PHONE: '电话', IN_PERSON: '当面' };

export const CAUSE = {
  DATA_ERROR: '数据错误', POLICY_MISREAD: '政策理解错误', OMISSION: '遗漏', TYPO: '笔误',
  WRONG_RECIPIENT: '收件人错误', OTHER: '其他',
};

export const FOUND_BY = { CUSTOMER_CALLBACK: '客户回访', INTERNAL_SPOT_CHECK: '内部抽查', OTHER: '其他途径' };
export const DISPUTE_STATUS = { OPEN: '待调查', INVESTIGATED: '已调查', RESOLVED: '已解决' };

export const COMMITMENT_STATUS = { OPEN: '未完成', FULFILLED: '已兑现', MISSED: '已逾期' };
export const ACCEPTANCE_DECISION = { ACCEPTED: '受理', NOT_ACCEPTED: '不予受理' };
export const PETITION_REVIEW_KIND = { REVIEW: '复查', SECOND_REVIEW: '复核' };
export const SUPERVISION_REASON = { DEADLINE_MISSED: '逾期未办', DISSATISFIED: '来函人不满意' };
export const SUPERVISION_LEVEL = { 1: '部门主管督办', 2: '客户关系总监督办' };
export const MAIL_DIRECTION = { IN: '收到', OUT: '发出' };
export const MAIL_KIND = { REPLY: '答复函', DELAY_NOTICE: '延迟答复说明', CORRECTION: '更正函' };
export const MAIL_STATUS = { RECEIVED: '已收到', QUEUED: '待发送', SENT: '已发送', FAILED: '发送失败', BOUNCED: '被退回' };
export const CONTACT_VERIFICATION = { PHONE: '电话', IN_PERSON: '当面', DOCUMENT: '证件' };

export const FINDING_RULE = { ABSOLUTE_PROMISE: '绝对化承诺', SLANG: '网络用语', NON_BRAND_TERM: '非品牌用语' };

const PROBLEMS = {
  VALIDATION_FAILED: '填写有误',
  MALFORMED_REQUEST: '请求格式不正确',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '您的角色无权执行此操作',
  LETTER_NOT_FOUND: '找不到该信函',
  SENDER_NOT_FOUND: '找不到该客户档案',
  SPOT_CHECK_NOT_FOUND: '该月尚未抽查',
  SPOT_CHECK_DRAWN: '该月已抽取过样本',
  NOT_IN_SAMPLE: '该信函不在本月抽查样本中',
  NOT_FOUND: '找不到所请求的内容',
  INVALID_TRANSITION: '信函当前状态不允许此操作',
  FOUR_EYES: '违反四眼原则：撰写人不能审核自己的答复，同一人也不能审核两次',
  REVIEW_ORDER: '审核顺序不对：须依次经内容专员、部门主管（重大问题再经总监）审核',
  WORDING_FINDINGS: '措辞检查未通过，请先修改草稿',
  VERSION_CONFLICT: '信函已被他人修改，请刷新后重试',
  PAYLOAD_TOO_LARGE: '内容过大',
  UNSUPPORTED_MEDIA_TYPE: '不支持的内容类型',
  ATTACHMENT_INFECTED: '附件经病毒扫描发现病毒，未保存',
  ATTACHMENT_NOT_SCANNED: '附件未能通过病毒扫描，未保存',
  VIRUS_SCANNER_UNAVAILABLE: '病毒扫描服务暂不可用，请稍后重试',
  IDEMPOTENCY_KEY_REUSED: '重复提交的请求与原请求不一致',
  PROJECTION_NOT_CAUGHT_UP: '数据仍在更新，请稍后刷新',
  EVENT_STORE_BUSY: '系统繁忙，请稍后重试',
  INTERNAL_ERROR: '系统出错，已记录，请稍后重试',
};

/** The problem in Chinese: what kind of refusal it is, then the server's own detail. */
export function problemText(problem) {
  const kind = PROBLEMS[problem.code] || '操作未能完成';
  return problem.detail ? `${kind}（${problem.detail}）` : kind;
}

export function label(map, value) {
  return value === null || value === undefined ? '—' : map[value] || value;
}
