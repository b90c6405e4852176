// 登记: a letter as it arrives — channel, received time to the minute, sender (with the sender file's repeat count
// as soon as a phone number or e-mail is typed), category, urgency with its reason, and attachments uploaded to the
// attachment store (POST /api/attachments) and referred to by their ids.
import { api } from '../api.js';
import { h, field, select, time, localInputToIso, nowForInput, clearProblem } from '../ui.js';
import { CHANNEL, CATEGORY, DEADLINE, label } from '../i18n.js';

export async function render(main, ctx) {
  const urgent = h('input', { type: 'checkbox', name: 'urgent' });
  const urgentReason = h('textarea', { name: 'urgentReason', rows: 2, disabled: true });
  urgent.addEventListener('change', () => {
    urgentReason.disabled = !urgent.checked;
    urgentReason.required = urgent.checked;
  });
  const files = h('input', { type: 'file', name: 'files', multiple: true });
  const attachmentList = h('ul', { class: 'attachments', 'aria-live': 'polite' });
  let attachments = [];
  let uploading = null;
  files.addEventListener('change', () => {
    clearProblem();
    attachmentList.replaceChildren(h('li', {}, '正在上传…'));
    // One at a time, so a refused file (type, size) is named by the refusal and the others still go in.
    uploading = (async () => {
      const uploaded = [];
      for (const file of Array.from(files.files)) {
        try {
          uploaded.push(await api.upload('/api/attachments', file));
        } catch (e) {
          // shown by the API module; the file is left out
        }
      }
      attachments = uploaded;
      attachmentList.replaceChildren(...attachments.map((a) => h('li', { 'data-attachment': a.attachmentId },
        `${a.fileName}（${a.contentType}，${a.sizeBytes} 字节，SHA-256 ${a.sha256.substring(0, 12)}…）已上传`)));
    })();
  });

  // The sender file a registration with this phone or e-mail would count in, asked while the clerk types.
  const repeat = h('p', { class: 'repeat', 'aria-live': 'polite', 'data-repeat': '' });
  const phone = h('input', { name: 'phone', type: 'tel', maxlength: 50 });
  const email = h('input', { name: 'email', type: 'email', maxlength: 200 });
  let lookupTimer = null;
  let lookups = 0;
  async function lookUp() {
    const body = { phone: phone.value.trim() || undefined, email: email.value.trim() || undefined };
    lookups += 1;
    const mine = lookups;
    if (!body.phone && !body.email) {
      repeat.replaceChildren();
      repeat.setAttribute('data-repeat', '');
      return;
    }
    try {
      const match = await api.post('/api/senders/match', body, { quiet: true });
      if (mine !== lookups) {
        return;
      }
      repeat.setAttribute('data-repeat', String(match.repeatCount));
      repeat.replaceChildren(...(match.senderId
        ? ['客户档案：此前已有 ', h('strong', {}, String(match.repeatCount)), ' 件来函（本件为第 ',
          String(match.repeatCount + 1), ' 次）。', h('a', { href: `#/senders/${match.senderId}` }, '查看客户档案')]
        : ['新发件人：尚无客户档案。']));
    } catch (e) {
      if (mine === lookups) {
        repeat.replaceChildren(); // an incomplete number or address: nothing to say yet
        repeat.setAttribute('data-repeat', '');
      }
    }
  }
  [phone, email].forEach((input) => input.addEventListener('input', () => {
    clearTimeout(lookupTimer);
    lookupTimer = setTimeout(lookUp, 300);
  }));
  ctx.onLeave(() => clearTimeout(lookupTimer));

  const result = h('div', { class: 'result', 'aria-live': 'polite' });
  const form = h('form', { class: 'registration', 'aria-label': '信函登记' },
    h('fieldset', {}, h('legend', {}, '收件'),
      field('渠道', select('channel', CHANNEL, { value: 'LETTER', required: true })),
      field('收件时间（精确到分钟）', h('input', { type: 'datetime-local', name: 'receivedAt', required: true, value: nowForInput() })),
      field('类别', select('category', CATEGORY, { value: 'CONSULTATION', required: true }))),
    h('fieldset', {}, h('legend', {}, '发件人'),
      field('姓名或单位名称', h('input', { name: 'name', required: true, maxlength: 200 })),
      field('单位', h('input', { name: 'organization', maxlength: 200 })),
      field('电话', phone),
      field('电子邮箱', email),
      repeat,
      field('地址', h('input', { name: 'address', maxlength: 500 })),
      field('身份证号', h('input', { name: 'idNumber', maxlength: 50 }))),
    h('fieldset', {}, h('legend', {}, '内容'),
      field('主题', h('input', { name: 'subject', required: true, maxlength: 500 })),
      field('核心诉求', h('textarea', { name: 'coreRequest', required: true, rows: 4 })),
      field('附件', files, '选择文件即上传（PDF、图片、纯文本）；登记时随信函保存。'),
      attachmentList,
      field('备注', h('textarea', { name: 'remarks', rows: 2 }))),
    h('fieldset', {}, h('legend', {}, '紧急程度'),
      h('div', { class: 'field checkbox' }, h('label', {}, urgent, ' 紧急（涉及安全风险或重大投诉：1 小时内首次联系，24 小时内详细答复）')),
      field('紧急原因', urgentReason)),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, '登记')));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblem();
    const v = (name) => form.elements[name].value.trim() || undefined;
    const body = {
      channel: v('channel'),
      receivedAt: localInputToIso(v('receivedAt')),
      sender: {
        name: v('name'), organization: v('organization'), phone: v('phone'), email: v('email'),
        address: v('address'), idNumber: v('idNumber'),
      },
      subject: v('subject'),
      coreRequest: v('coreRequest'),
      category: v('category'),
      attachments: attachments.map((a) => ({ attachmentId: a.attachmentId })),
      remarks: v('remarks'),
      urgentReason: urgent.checked ? v('urgentReason') : undefined,
    };
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      if (uploading) {
        await uploading;
        body.attachments = attachments.map((a) => ({ attachmentId: a.attachmentId }));
      }
      const registered = await api.post('/api/letters', body);
      result.replaceChildren(h('div', { class: 'success', 'data-registered': registered.letterId },
        h('p', {}, '已登记，序号 ', h('strong', { 'data-serial': registered.serialNo }, registered.serialNo), '。'),
        h('ul', {}, Object.entries(registered.deadlines || {}).map(([key, due]) =>
          h('li', {}, `${key === 'firstResponseDue' ? label(DEADLINE, 'FIRST_RESPONSE') : label(DEADLINE, 'REPLY')}时限：${time(due)}`))),
        (registered.warnings || []).length ? h('p', { class: 'warning' }, registered.warnings.join('；')) : null,
        h('p', {}, h('a', { href: `#/letters/${registered.letterId}?minVersion=${registered.version}` }, '打开信函页面'))));
      form.reset();
      attachments = [];
      uploading = null;
      attachmentList.replaceChildren();
      repeat.replaceChildren();
      repeat.setAttribute('data-repeat', '');
      form.elements.receivedAt.value = nowForInput();
    } catch (e) {
      // shown by the API module
    } finally {
      button.disabled = false;
    }
  });
  main.replaceChildren(h('h1', {}, '信函登记'), form, result);
}
