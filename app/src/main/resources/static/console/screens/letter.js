// A letter's page: header with deadlines counting down in working time, timeline, flags, drafts with the rendered
// reply, reviews, commitments, petition and referral state, correspondence, the masked sender with its recorded
// reveal, and every action the user's roles allow in the letter's present state.
import { api, query } from '../api.js';
import { h, field, select, table, time, action, localInputToIso, notice } from '../ui.js';
import {
  STATUS, CHANNEL, CATEGORY, DEPARTMENT, DEADLINE, DEADLINE_STATE, REVIEW_LEVEL, DECISION, REPLY_CHANNEL, CAUSE, FOUND_BY, FINDING_RULE,
  ROLES, COMMITMENT_STATUS, ACCEPTANCE_DECISION, PETITION_REVIEW_KIND, MAIL_DIRECTION, MAIL_KIND, MAIL_STATUS,
  SUPERVISION_REASON, SUPERVISION_LEVEL, label,
} from '../i18n.js';
import { countdown, loadCalendars } from '../workingtime.js';
import { draftEditor } from './drafting.js';

const DEPARTMENTS = { CUSTOMER_SERVICE: '客服部门', BUSINESS: '业务部门', ADMINISTRATION: '行政部门' };
const LEVEL_ROLE = { FORMAT: 'REVIEWER', SUPERVISOR: 'SUPERVISOR', DIRECTOR: 'DIRECTOR' };
/** The roles the server lets read a letter's sender in clear (GET …/sender?reason=, recorded). */
const REVEAL_ROLES = ['CLERK', 'HANDLER', 'LEGAL', 'SUPERVISOR'];

function senderText(s) {
  return [s.name, s.organization, s.phone, s.email, s.address, s.idNumber].filter(Boolean).join('，') || '—';
}

export async function render(main, ctx) {
  const id = ctx.params[0];
  let calendars = await loadCalendars();
  let minVersion = ctx.query.get('minVersion');
  let ticker = null;
  ctx.onLeave(() => clearInterval(ticker));

  async function reload(version) {
    if (version !== undefined) {
      minVersion = version;
    }
    const letter = await api.get(`/api/letters/${id}${query({ minVersion })}`);
    const timeline = await api.get(`/api/letters/${id}/timeline`);
    const mails = await api.get(`/api/letters/${id}/correspondence`, { quiet: true }).catch(() => null);
    calendars = await loadCalendars(calendars);
    ctx.setTitle(`${letter.serialNo} ${letter.subject}`);
    main.replaceChildren(...page(letter, timeline, mails));
    main.setAttribute('data-version', String(letter.version));
    main.setAttribute('data-status', letter.status);
    clearInterval(ticker);
    ticker = setInterval(() => {
      main.querySelectorAll('[data-due]').forEach((cell) => {
        cell.textContent = countdown(cell.getAttribute('data-due'), calendars, cell.hasAttribute('data-clock'));
      });
    }, 30000);
  }

  /** Sends a command and shows the letter as it is after it. */
  async function command(path, body, done) {
    const result = await api.post(`/api/letters/${id}/${path}`, body);
    if (done) {
      notice(done(result));
    }
    await reload(result.version);
    return result;
  }

  function header(letter) {
    const deadlines = Object.entries(letter.deadlines || {});
    return h('header', { class: 'letter-header' },
      h('h1', {}, h('span', { class: 'serial', 'data-serial': letter.serialNo }, letter.serialNo), ' ', letter.subject),
      h('p', { class: 'meta' },
        h('span', { class: `status status-${letter.status.toLowerCase()}`, 'data-status': letter.status }, label(STATUS, letter.status)),
        letter.urgent ? h('span', { class: 'badge urgent' }, '紧急') : null,
        letter.overdue ? h('span', { class: 'badge overdue' }, '超时') : null,
        letter.atRisk ? h('span', { class: 'badge at-risk' }, '临近时限') : null,
        letter.openCorrections ? h('span', { class: 'badge' }, `待签批更正 ${letter.openCorrections}`) : null,
        letter.openDisputes ? h('span', { class: 'badge' }, `未解决争议 ${letter.openDisputes}`) : null,
        ` ${label(CHANNEL, letter.channel)} · ${label(CATEGORY, letter.category)} · 收件 ${time(letter.receivedAt)} · `,
        `${label(DEPARTMENT, letter.department)}${letter.assignee ? `（${letter.assignee}）` : ''}`),
      deadlines.length ? table('答复时限', ['时限', '到期时间', '倒计时', '状态'], deadlines.map(([kind, d]) => {
        const clock = (d.basis || '').includes('clock');
        return h('tr', { class: d.state === 'MISSED' ? 'overdue' : d.approaching && d.state === 'OPEN' ? 'at-risk' : '' },
          h('td', {}, label(DEADLINE, kind)),
          h('td', {}, time(d.due), d.holidayGraceApplied ? '（含节假日顺延）' : ''),
          d.state === 'OPEN'
            ? h('td', { 'data-due': d.due, 'data-clock': clock || undefined }, countdown(d.due, calendars, clock))
            : h('td', {}, d.metAt ? `完成于 ${time(d.metAt)}${d.metOnTime ? '（按时）' : '（超时）'}` : '—'),
          h('td', {}, label(DEADLINE_STATE, d.state)));
      })) : null,
      (letter.warnings || []).length ? h('p', { class: 'warning' }, letter.warnings.join('；')) : null,
      ctx.can('AUDITOR', 'SUPERVISOR') ? h('p', {}, h('a', { href: `#/audit/${letter.letterId}` }, '查看审计历史')) : null);
  }

  function details(letter) {
    const s = letter.sender || {};
    const f = letter.flags || {};
    const flagNames = [f.personalData && '涉及个人信息（须法务批准）', f.financialInfo && '涉及财务信息（须电话核实身份）',
      f.major && '重大问题（须总监审核）', f.complex && '复杂问题（须电话跟进）'].filter(Boolean);
    return h('section', { class: 'panel', 'aria-labelledby': 'letter-details' },
      h('h2', { id: 'letter-details' }, '来函内容'),
      h('dl', { class: 'facts' },
        h('dt', {}, '发件人'), h('dd', { 'data-sender': '' }, senderText(s),
          letter.senderId ? [' ', h('a', { href: `#/senders/${letter.senderId}` }, '客户档案')] : null),
        letter.repeatCount !== null && letter.repeatCount !== undefined
          ? [h('dt', {}, '来函次数'), h('dd', { 'data-repeat': letter.repeatCount }, `第 ${letter.repeatCount + 1} 次（此前 ${letter.repeatCount} 件）`)]
          : null,
        letter.collective ? [h('dt', {}, '集体来函'), h('dd', {}, `${letter.collective.people} 人，代表 ${letter.collective.representative || '—'}`)] : null,
        h('dt', {}, '核心诉求'), h('dd', {}, letter.coreRequest),
        h('dt', {}, '附件清单'), h('dd', {}, (letter.attachments || []).map((a) => a.fileName).join('、') || '无'),
        letter.routing ? [h('dt', {}, '自动分办'), h('dd', {}, `规则 ${letter.routing.ruleId} → ${label(DEPARTMENT, letter.routing.department)}`)] : null,
        h('dt', {}, '备注'), h('dd', {}, letter.remarks || '—'),
        letter.urgentReason ? [h('dt', {}, '紧急原因'), h('dd', {}, letter.urgentReason)] : null,
        h('dt', {}, '内容审核标记'), h('dd', { 'data-flags': '' }, flagNames.join('；') || '无'),
        letter.legalApproval ? [h('dt', {}, '法务批准'), h('dd', {}, `${letter.legalApproval.by} ${time(letter.legalApproval.at)}`)] : null,
        letter.identityVerification ? [h('dt', {}, '身份核实'), h('dd', {}, `${letter.identityVerification.by} ${time(letter.identityVerification.at)}`)] : null,
        letter.reply ? [h('dt', {}, '答复'), h('dd', {}, `第 ${letter.reply.draftNo} 稿，${label(REPLY_CHANNEL, letter.reply.channel)}，${time(letter.reply.sentAt)}`)] : null,
        letter.followUp ? [h('dt', {}, '电话跟进'), h('dd', {}, `${letter.followUp.note}（${time(letter.followUp.at)}）`)] : null,
        letter.archive ? [h('dt', {}, '存档'), h('dd', {}, `${letter.archive.archiveNo}，保存至 ${time(letter.archive.retainUntil).substring(0, 10)}`)] : null));
  }

  function timelinePanel(entries) {
    return h('section', { class: 'panel', 'aria-labelledby': 'letter-timeline' },
      h('h2', { id: 'letter-timeline' }, '处理经过'),
      h('ol', { class: 'timeline' }, entries.map((e) => h('li', { 'data-type': e.type },
        h('time', { datetime: e.occurredAt }, time(e.occurredAt)), ' ',
        h('span', { class: 'actor' }, e.actor && e.actor.user ? `${e.actor.user}（${label(ROLES, e.actor.role)}）` : '系统'), ' ',
        e.summary))));
  }

  function draftsPanel(letter) {
    const drafts = letter.drafts || [];
    if (!drafts.length) {
      return null;
    }
    const latest = drafts[drafts.length - 1];
    const rendered = h('pre', { class: 'rendered', 'data-rendered': latest.draftNo, tabindex: '0', 'aria-label': '答复函预览' }, '正在生成答复函…');
    api.text(`/api/letters/${letter.letterId}/drafts/${latest.draftNo}/rendered`, { quiet: true })
      .then((text) => { rendered.textContent = text; })
      .catch(() => { rendered.textContent = '答复函暂不可预览'; });
    return h('section', { class: 'panel', 'aria-labelledby': 'letter-drafts' },
      h('h2', { id: 'letter-drafts' }, '答复草稿与审核'),
      h('div', { class: 'two-columns' },
        h('div', {}, drafts.slice().reverse().map((d) => h('article', { class: 'draft', 'data-draft': d.draftNo },
          h('h3', {}, `第 ${d.draftNo} 稿（${d.drafter}，${time(d.draftedAt)}）`),
          d.findings.length ? h('ul', { class: 'findings' }, d.findings.map((f) =>
            h('li', {}, `${label(FINDING_RULE, f.rule)}「${f.text}」（${f.field}）`))) : h('p', {}, '措辞检查通过'),
          d.reviews.length ? h('ul', { class: 'reviews' }, d.reviews.map((r) =>
            h('li', { 'data-review': `${r.level}-${r.decision}` },
              `${label(REVIEW_LEVEL, r.level)}：${label(DECISION, r.decision)}（${r.reviewer}，${time(r.at)}）${r.comment ? ` ${r.comment}` : ''}`)))
            : h('p', {}, '尚无审核')))),
        h('div', {}, h('h3', {}, `第 ${latest.draftNo} 稿答复函`), rendered)));
  }

  function disputesPanel(letter) {
    if (!(letter.disputes || []).length && !(letter.corrections || []).length && !(letter.delays || []).length) {
      return null;
    }
    return h('section', { class: 'panel', 'aria-labelledby': 'letter-after' },
      h('h2', { id: 'letter-after' }, '延迟、更正与争议'),
      (letter.delays || []).map((d) => h('p', {}, `延迟答复：${d.reason}，预计完成 ${time(d.expectedCompletion)}（${d.reportedBy} 报备）`)),
      (letter.corrections || []).map((c) => h('p', { 'data-correction': c.correctionNo },
        `更正函第 ${c.correctionNo} 号：${c.whatWasWrong} → ${c.correctedContent}（${label(CAUSE, c.cause)}，${label(FOUND_BY, c.foundBy)}）`,
        c.signedOffBy ? `，已由 ${c.signedOffBy} 签批` : '，待主管签批')),
      (letter.disputes || []).map((d) => h('p', { 'data-dispute': d.disputeNo },
        `争议第 ${d.disputeNo} 号：${d.points}；调查期限 ${time(d.investigationDue)}`,
        d.findings ? `；调查结论：${d.findings}` : '',
        d.outcome ? `；${d.escalated ? '已提交协调小组' : '协商解决'}：${d.outcome}` : '')));
  }

  /** The sender in clear, read on purpose with a reason (recorded as PersonalDataViewed). */
  function revealPanel(letter) {
    if (!ctx.can(...REVEAL_ROLES) || !letter.senderId) {
      return null;
    }
    const shown = h('div', { class: 'clear-sender', 'aria-live': 'polite' });
    const reveal = action('查看发件人完整信息', [
      field('查看原因（将被记录）', h('textarea', { name: 'reason', rows: 2, required: true, maxlength: 500 })),
    ], async (v) => {
      const clear = await api.get(`/api/letters/${id}/sender${query({ reason: v.reason })}`);
      shown.replaceChildren(h('div', {}, h('p', { 'data-clear-sender': '' }, senderText(clear.sender || {})),
        clear.current && senderText(clear.current) !== senderText(clear.sender || {})
          ? h('p', {}, `客户档案现用联系方式：${senderText(clear.current)}`) : null,
        h('p', { class: 'hint' }, '此次查看已记入个人信息查阅记录。')));
    }, { testId: 'reveal-sender', buttonText: '查看' });
    return h('section', { class: 'panel', 'aria-labelledby': 'letter-sender' },
      h('h2', { id: 'letter-sender' }, '发件人个人信息'),
      h('p', {}, '页面上的个人信息已脱敏；确需完整信息时说明原因后查看。'), reveal, shown);
  }

  function commitmentsPanel(letter) {
    const commitments = letter.commitments || [];
    if (!commitments.length) {
      return null;
    }
    return h('section', { class: 'panel', 'aria-labelledby': 'letter-commitments' },
      h('h2', { id: 'letter-commitments' }, '答复承诺事项'),
      table('承诺事项列表', ['编号', '承诺事项', '责任部门', '期限', '状态', '兑现情况'], commitments.map((c) =>
        h('tr', { 'data-commitment': c.n, class: c.status === 'MISSED' ? 'overdue' : c.approaching && c.status === 'OPEN' ? 'at-risk' : '' },
          h('td', {}, String(c.n)), h('td', {}, c.what), h('td', {}, label(DEPARTMENT, c.department)),
          h('td', { class: 'nowrap' }, c.dueDate || '—'),
          h('td', { class: 'nowrap', 'data-commitment-status': c.status }, label(COMMITMENT_STATUS, c.status)),
          h('td', {}, c.fulfilledAt ? `${c.evidence || ''}（${c.fulfilledBy}，${time(c.fulfilledAt)}${c.fulfilledOnTime === false ? '，逾期兑现' : ''}）` : '—')))));
  }

  function petitionPanel(letter) {
    const p = letter.petition;
    if (!p) {
      return null;
    }
    const a = p.acceptance;
    const e = p.extension;
    return h('section', { class: 'panel', 'aria-labelledby': 'letter-petition', 'data-petition': '' },
      h('h2', { id: 'letter-petition' }, '信访办理'),
      h('dl', { class: 'facts' },
        h('dt', {}, '受理'), h('dd', { 'data-acceptance': a ? a.decision : '' }, a
          ? `${label(ACCEPTANCE_DECISION, a.decision)}：${a.reason || ''}（${a.decidedBy}，${time(a.decidedAt)}${a.noticeSentAt ? '，已告知' : ''}）`
          : '尚未决定是否受理'),
        h('dt', {}, '延期'), h('dd', { 'data-extension': e ? e.days : '' }, e
          ? `延长 ${e.days} 天：${e.reason}（${e.approvedBy} 批准；答复期限 ${time(e.previousDue)} → ${time(e.replyDue)}）`
          : '未延期'),
        h('dt', {}, '复查/复核'), h('dd', {}, (p.reviewRequests || []).length
          ? h('ul', {}, p.reviewRequests.map((r) => h('li', { 'data-review-request': r.requestNo },
            `${label(PETITION_REVIEW_KIND, r.kind)}请求：${r.reason}（${time(r.requestedAt)}，答复期限 ${time(r.answerDue)}）`,
            r.answer ? `；答复：${r.answer}（${r.answeredBy}，${time(r.answeredAt)}）` : '；待答复')))
          : '无'),
        h('dt', {}, '是否终结'), h('dd', {}, p.matterFinal ? '已终结（复核答复后）' : '未终结')));
  }

  function referralPanel(letter) {
    const r = letter.referral;
    if (!r) {
      return null;
    }
    return h('section', { class: 'panel', 'aria-labelledby': 'letter-referral', 'data-referral': '' },
      h('h2', { id: 'letter-referral' }, '批办件'),
      h('dl', { class: 'facts' },
        h('dt', {}, '交办单位'), h('dd', { 'data-referral-office': '' }, r.office),
        h('dt', {}, '交办文号'), h('dd', {}, r.referenceNo || '—'),
        h('dt', {}, '报告期限'), h('dd', {}, r.dueDate || '—'),
        h('dt', {}, '报告'), h('dd', {}, (r.reports || []).length
          ? h('ul', {}, r.reports.map((rep) => h('li', { 'data-referral-report': rep.reportNo },
            `第 ${rep.reportNo} 份报告（${rep.reporter}，${time(rep.reportedAt)}）：${rep.outcome}`,
            rep.reviews.length ? `；审核：${rep.reviews.map((v) => `${label(REVIEW_LEVEL, v.level)}${label(DECISION, v.decision)}`).join('、')}` : '；待审核')))
          : '尚未报告'),
        h('dt', {}, '办结'), h('dd', {}, r.doneAt ? `报告已于 ${time(r.doneAt)} 审定` : '未办结')),
      (r.reports || []).length ? renderedReport(letter) : null);
  }

  /** The latest report in the layout sent back to the referring office (GET …/referral-report/rendered). */
  function renderedReport(letter) {
    const rendered = h('pre', { class: 'rendered', 'data-referral-rendered': '', tabindex: '0', 'aria-label': '办理情况报告预览' },
      '正在生成报告…');
    api.text(`/api/letters/${letter.letterId}/referral-report/rendered`, { quiet: true })
      .then((text) => { rendered.textContent = text; })
      .catch(() => { rendered.textContent = '报告暂不可预览'; });
    return h('div', {}, h('h3', {}, '报交办单位的办理情况报告'), rendered);
  }

  function supervisionPanel(letter) {
    const items = letter.supervisions || [];
    if (!items.length) {
      return null;
    }
    return h('section', { class: 'panel', 'aria-labelledby': 'letter-supervision', 'data-supervision-level': letter.supervisionLevel },
      h('h2', { id: 'letter-supervision' }, '督办'),
      h('ul', {}, items.map((s) => h('li', { 'data-supervision': s.supervisionNo, 'data-resolved': s.resolvedAt ? 'yes' : 'no',
        class: s.resolvedAt ? '' : 'overdue' },
      `第 ${s.supervisionNo} 项：${label(SUPERVISION_REASON, s.reason)}${s.reason === 'DEADLINE_MISSED' && s.kind ? `（${label(DEADLINE, s.kind)}）` : ''}，`,
      `${label(SUPERVISION_LEVEL, String(s.level))}，${time(s.openedAt)} 起`,
      (s.reminders || []).length ? `，已催办 ${s.reminders.length} 次` : '',
      s.resolvedAt
        ? `；已办结${s.answered ? '（已补办）' : ''}：${s.note || ''}（${s.resolvedBy || '系统'}，${time(s.resolvedAt)}）`
        : `；待办结${s.remindAt && s.level < 2 ? `，${time(s.remindAt)} 未办结将催办至总监` : ''}`))));
  }

  function correspondencePanel(mails) {
    if (mails === null) {
      return null;
    }
    return h('section', { class: 'panel', 'aria-labelledby': 'letter-mail' },
      h('h2', { id: 'letter-mail' }, '往来邮件'),
      mails.length ? table('邮件列表', ['方向', '类型', '主题', '时间', '状态', '尝试次数'], mails.map((m) =>
        h('tr', { 'data-mail': m.direction },
          h('td', {}, label(MAIL_DIRECTION, m.direction)), h('td', {}, m.kind ? label(MAIL_KIND, m.kind) : '来信'),
          h('td', {}, m.subject || '—'), h('td', {}, time(m.at)),
          h('td', {}, label(MAIL_STATUS, m.status), m.reason ? `（${m.reason}）` : ''), h('td', {}, String(m.attempts)))))
        : h('p', {}, '无往来邮件。'));
  }

  function actions(letter) {
    const list = [];
    const replied = !!letter.reply;
    const archived = letter.status === 'ARCHIVED';
    const latest = (letter.drafts || [])[letter.drafts.length - 1];
    const text = (name, title, attributes = {}) => field(title, h('textarea', { name, rows: 2, ...attributes }));
    const input = (name, title, attributes = {}) => field(title, h('input', { name, ...attributes }));

    if (!replied && ctx.can('CLERK', 'SUPERVISOR')) {
      list.push(action('分配 / 转交部门', [
        field('部门', select('department', DEPARTMENTS, { value: letter.department || 'CUSTOMER_SERVICE' })),
        input('assignee', '经办人（用户名）', { value: letter.assignee || '' }),
      ], (v) => command('assignment', v, () => '已分配'), { testId: 'assignment' }));
      if (!letter.urgent) {
        list.push(action('标记紧急', [text('reason', '紧急原因', { required: true })],
          (v) => command('urgent', v, () => '已标记为紧急'), { testId: 'urgent' }));
      }
    }
    if (!replied && !letter.firstContactAt && ctx.can('CLERK', 'HANDLER')) {
      list.push(action('记录初步联系', [
        field('方式', select('channel', { PHONE: '电话', EMAIL: '电子邮件', IN_PERSON: '当面' })),
        text('note', '联系记录', { required: true }),
      ], (v) => command('first-contact', v, () => '已记录初步联系'), { testId: 'first-contact' }));
    }
    if (!replied && ctx.can('CLERK', 'HANDLER', 'SUPERVISOR')) {
      const f = letter.flags || {};
      const box = (name, title, checked) => h('div', { class: 'field checkbox' },
        h('label', {}, h('input', { type: 'checkbox', name, checked }), ` ${title}`));
      list.push(action('内容审核标记', [
        box('personalData', '涉及个人信息', f.personalData), box('financialInfo', '涉及财务信息', f.financialInfo),
        box('major', '重大问题', f.major), box('complex', '复杂问题', f.complex), text('note', '说明'),
      ], (v) => command('flags', v, () => '已保存标记'), { testId: 'flags' }));
    }
    if (!replied && (letter.flags || {}).personalData && !letter.legalApproval && ctx.can('LEGAL')) {
      list.push(action('法务批准', [text('note', '意见')], (v) => command('legal-approval', v, () => '已批准'),
        { testId: 'legal-approval' }));
    }
    if (!replied && (letter.flags || {}).financialInfo && !letter.identityVerification && ctx.can('CLERK', 'HANDLER')) {
      list.push(action('电话核实身份', [h('input', { type: 'hidden', name: 'method', value: 'PHONE' }), text('note', '核实记录')],
        (v) => command('identity-verification', v, () => '已核实身份'), { testId: 'identity-verification' }));
    }
    if (!replied && ctx.can('HANDLER') && ['ASSIGNED', 'RECEIVED', 'DRAFTING', 'IN_REVIEW'].includes(letter.status)) {
      list.push(h('details', { class: 'action', open: ['ASSIGNED', 'DRAFTING'].includes(letter.status), 'data-action': 'draft' },
        h('summary', {}, latest ? '撰写新一稿答复' : '撰写答复'),
        draftEditor(letter, (result) => {
          notice(result.findings && result.findings.length
            ? `第 ${result.draftNo} 稿已保存，但措辞检查发现 ${result.findings.length} 处问题，审核前须修改。`
            : `第 ${result.draftNo} 稿已提交审核。`);
          return reload(result.version);
        })));
    }
    const levels = Object.fromEntries(Object.entries(REVIEW_LEVEL).filter(([level]) => ctx.can(LEVEL_ROLE[level])));
    if (letter.status === 'IN_REVIEW' && latest && Object.keys(levels).length) {
      list.push(action(`审核第 ${latest.draftNo} 稿`, [
        field('审核级别', select('level', levels)),
        field('结论', select('decision', DECISION)),
        text('comment', '意见'),
      ], (v) => command('reviews', v, (r) => `审核已记录，信函状态：${label(STATUS, r.status)}`), { testId: 'review' }));
    }
    if (letter.status === 'APPROVED' && ctx.can('CLERK', 'HANDLER')) {
      list.push(action('发送答复', [
        field('发送方式', select('channel', REPLY_CHANNEL, { value: letter.channel === 'EMAIL' ? 'EMAIL' : 'REGISTERED_MAIL' })),
        input('recipient', '收件人（邮箱或地址）'),
        input('trackingNo', '投递凭证号（挂号信必填）'),
      ], (v) => command('reply', v, () => '答复已发送'), { testId: 'reply', open: true }));
    }
    if (replied && !letter.followUp && (letter.flags || {}).complex && ctx.can('CLERK', 'HANDLER')) {
      list.push(action('记录电话跟进', [
        text('note', '跟进记录', { required: true }),
        h('div', { class: 'field checkbox' }, h('label', {}, h('input', { type: 'checkbox', name: 'satisfied', checked: true }), ' 发件人满意')),
      ], (v) => command('follow-up', v, () => '已记录电话跟进'), { testId: 'follow-up', open: true }));
    }
    if (!replied && ctx.can('HANDLER', 'SUPERVISOR')) {
      list.push(action('报备延迟答复', [
        text('reason', '原因', { required: true }),
        field('预计完成时间', h('input', { type: 'datetime-local', name: 'expectedCompletion', required: true })),
      ], (v) => command('delay', { ...v, expectedCompletion: localInputToIso(v.expectedCompletion) },
        (r) => (r.reportRequired ? '已报备并发出《延迟答复说明》' : '已发出《延迟答复说明》')), { testId: 'delay' }));
    }
    if (replied && !archived && ctx.can('HANDLER', 'SUPERVISOR')) {
      list.push(action('发出答复更正函', [
        text('whatWasWrong', '错误内容', { required: true }),
        text('correctedContent', '更正内容', { required: true }),
        field('原因', select('cause', CAUSE)),
        field('发现途径', select('foundBy', FOUND_BY)),
      ], (v) => command('corrections', v, (r) => `更正函第 ${r.correctionNo} 号已发出，待主管签批`), { testId: 'correction' }));
    }
    (letter.corrections || []).filter((c) => !c.signedOffBy).forEach((c) => {
      if (ctx.can('SUPERVISOR')) {
        list.push(action(`签批更正函第 ${c.correctionNo} 号`, [text('note', '签批意见')],
          (v) => command(`corrections/${c.correctionNo}/sign-off`, v, () => '已签批'), { testId: `sign-off-${c.correctionNo}` }));
      }
    });
    if (!archived && ctx.can('CLERK', 'HANDLER')) {
      list.push(action('登记争议', [
        text('points', '争议要点', { required: true }),
        text('senderView', '来函方观点', { required: true }),
        text('organizationView', '我方观点', { required: true }),
      ], (v) => command('disputes', v, (r) => `已登记争议第 ${r.disputeNo} 号`), { testId: 'dispute' }));
    }
    (letter.disputes || []).forEach((d) => {
      if (!d.findings && ctx.can('HANDLER')) {
        list.push(action(`争议第 ${d.disputeNo} 号：业务部门调查`, [text('findings', '调查结论', { required: true })],
          (v) => command(`disputes/${d.disputeNo}/investigation`, v, () => '已记录调查结论'), { testId: `investigation-${d.disputeNo}` }));
      }
      if (!d.outcome && ctx.can('SUPERVISOR')) {
        list.push(action(`争议第 ${d.disputeNo} 号：处理结果`, [
          text('outcome', '处理结果', { required: true }),
          h('div', { class: 'field checkbox' }, h('label', {}, h('input', { type: 'checkbox', name: 'escalated' }), ' 提交协调小组')),
        ], (v) => command(`disputes/${d.disputeNo}/resolution`, v, () => '已记录处理结果'), { testId: `resolution-${d.disputeNo}` }));
      }
    });
    const petition = letter.petition;
    if (petition && !petition.acceptance && ctx.can('SUPERVISOR')) {
      list.push(action('信访受理决定', [
        field('决定', select('decision', ACCEPTANCE_DECISION)),
        text('reason', '理由（不予受理时必填）'),
      ], (v) => command('acceptance', v, () => '已记录受理决定并告知来访人'), { testId: 'acceptance' }));
    }
    if (petition && petition.acceptance && petition.acceptance.decision === 'ACCEPTED' && !petition.extension
      && !replied && ctx.can('SUPERVISOR')) {
      list.push(action('延长办理期限', [
        input('days', '延长天数（1–30）', { type: 'number', min: '1', max: '30', required: true }),
        text('reason', '理由', { required: true }),
      ], (v) => command('extension', { ...v, days: Number(v.days) }, () => '已延长办理期限并告知来访人'), { testId: 'extension' }));
    }
    if (petition && !petition.matterFinal && replied && ctx.can('CLERK')) {
      const requests = petition.reviewRequests || [];
      const kind = !requests.length ? 'REVIEW'
        : requests.length === 1 && requests[0].answer ? 'SECOND_REVIEW' : null;
      if (kind) {
        list.push(action(`登记${label(PETITION_REVIEW_KIND, kind)}请求`, [
          h('input', { type: 'hidden', name: 'kind', value: kind }),
          text('reason', '请求理由', { required: true }),
        ], (v) => command('review-requests', v, (r) => `已登记${label(PETITION_REVIEW_KIND, kind)}请求，答复期限 ${time(r.reviewDue)}`),
        { testId: 'review-request' }));
      }
    }
    (petition ? petition.reviewRequests || [] : []).filter((r) => !r.answer).forEach((r) => {
      if (ctx.can('HANDLER', 'SUPERVISOR')) {
        list.push(action(`答复${label(PETITION_REVIEW_KIND, r.kind)}请求`, [text('answer', `${label(PETITION_REVIEW_KIND, r.kind)}意见`, { required: true, rows: 4 })],
          (v) => command(`review-requests/${r.requestNo}/answer`, v,
            () => (r.kind === 'SECOND_REVIEW' ? '已答复复核请求，信访事项终结' : '已答复复查请求')), { testId: `review-answer-${r.requestNo}` }));
      }
    });
    const referral = letter.referral;
    const reports = referral ? referral.reports || [] : [];
    const report = reports[reports.length - 1];
    if (referral && !referral.doneAt && ctx.can('HANDLER', 'SUPERVISOR')) {
      const prior = report || {};
      list.push(action(report ? '重写办理情况报告' : '撰写办理情况报告', [
        text('problem', '一、反映的问题', { required: true, rows: 3, value: prior.problem || '' }),
        text('background', '二、基本情况', { required: true, rows: 3, value: prior.background || '' }),
        text('investigation', '三、调查办理情况', { required: true, rows: 4, value: prior.investigation || '' }),
        text('outcome', '处理结果', { required: true, rows: 3, value: prior.outcome || '' }),
      ], (v) => command('referral-report', v, (r) => `第 ${r.reportNo} 份报告已提交审核`), { testId: 'referral-report' }));
    }
    if (referral && !referral.doneAt && report && Object.keys(levels).length) {
      list.push(action(`审核第 ${report.reportNo} 份办理情况报告`, [
        h('input', { type: 'hidden', name: 'target', value: 'REFERRAL_REPORT' }),
        field('审核级别', select('level', levels)),
        field('结论', select('decision', DECISION)),
        text('comment', '意见'),
      ], (v) => command('reviews', v, (r) => (r.reportDone ? '报告已审定，可报交办单位' : '报告审核已记录')), { testId: 'referral-review' }));
    }
    if ((letter.supervisions || []).some((s) => !s.resolvedAt) && ctx.can('SUPERVISOR', 'DIRECTOR')) {
      list.push(action('办结督办', [text('note', '办结说明', { required: true })],
        (v) => command('supervision/resolution', v, (r) => `已办结督办 ${(r.resolved || []).length} 项`), { testId: 'supervision-resolution' }));
    }
    (letter.commitments || []).filter((c) => c.status !== 'FULFILLED').forEach((c) => {
      if (ctx.can('HANDLER', 'SUPERVISOR')) {
        list.push(action(`兑现承诺第 ${c.n} 项：${c.what}`, [text('evidence', '兑现凭据', { required: true })],
          (v) => command(`commitments/${c.n}/fulfilment`, v, () => `承诺第 ${c.n} 项已兑现`), { testId: `fulfil-${c.n}` }));
      }
    });
    if (letter.status === 'CLOSED' && ctx.can('ARCHIVIST')) {
      list.push(action('存档', [input('archiveNo', '档案号（留空自动生成）')],
        (v) => command('archive', v, (r) => `已存档，档案号 ${r.archiveNo}`), { testId: 'archive', open: true }));
    }
    return h('section', { class: 'panel', 'aria-labelledby': 'letter-actions' },
      h('h2', { id: 'letter-actions' }, '可执行的操作'),
      list.length ? list : h('p', {}, '以您的角色，此信函当前没有可执行的操作。'));
  }

  function page(letter, timeline, mails) {
    return [header(letter), h('div', { class: 'letter-grid' },
      h('div', {}, details(letter), revealPanel(letter), petitionPanel(letter), referralPanel(letter),
        supervisionPanel(letter), draftsPanel(letter), commitmentsPanel(letter), disputesPanel(letter), actions(letter)),
      h('div', {}, timelinePanel(timeline), correspondencePanel(mails)))];
  }

  await reload();
}
