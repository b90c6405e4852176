// 登记: a letter as it arrives — channel, received time to the minute, sender, category, urgency with its reason,
// and the attachments' metadata (file name, type, size, SHA-256, computed here from the chosen files).
import { api } from '../api.js';
import { h, field, select, time, localInputToIso, nowForInput, clearProblem } from '../ui.js';
import { CHANNEL, CATEGORY, DEADLINE, label } from '../i18n.js';

async function sha256(file) {
  if (!(window.crypto && window.crypto.subtle)) {
    return null; // outside a secure context the browser offers no digest; the size and type are still recorded
  }
  const digest = await window.crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest)).map((b) => b.toString(16).padStart(2, '0')).join('');
}

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
  files.addEventListener('change', async () => {
    attachments = await Promise.all(Array.from(files.files).map(async (file) => ({
      fileName: file.name, contentType: file.type || 'application/octet-stream', sizeBytes: file.size,
      sha256: await sha256(file),
    })));
    attachmentList.replaceChildren(...attachments.map((a) =>
      h('li', {}, `${a.fileName}（${a.contentType}，${a.sizeBytes} 字节${a.sha256 ? `，SHA-256 ${a.sha256.substring(0, 12)}…` : ''}）`)));
  });

  const result = h('div', { class: 'result', 'aria-live': 'polite' });
  const form = h('form', { class: 'registration', 'aria-label': '信函登记' },
    h('fieldset', {}, h('legend', {}, '收件'),
      field('渠道', select('channel', CHANNEL, { value: 'LETTER', required: true })),
      field('收件时间（精确到分钟）', h('input', { type: 'datetime-local', name: 'receivedAt', required: true, value: nowForInput() })),
      field('类别', select('category', CATEGORY, { value: 'CONSULTATION', required: true }))),
    h('fieldset', {}, h('legend', {}, '发件人'),
      field('姓名或单位名称', h('input', { name: 'name', required: true, maxlength: 200 })),
      field('单位', h('input', { name: 'organization', maxlength: 200 })),
      field('电话', h('input', { name: 'phone', type: 'tel', maxlength: 50 })),
      field('电子邮箱', h('input', { name: 'email', type: 'email', maxlength: 200 })),
      field('地址', h('input', { name: 'address', maxlength: 500 })),
      field('身份证号', h('input', { name: 'idNumber', maxlength: 50 }))),
    h('fieldset', {}, h('legend', {}, '内容'),
      field('主题', h('input', { name: 'subject', required: true, maxlength: 500 })),
      field('核心诉求', h('textarea', { name: 'coreRequest', required: true, rows: 4 })),
      field('附件', files, '目前登记附件的文件名、类型、大小和 SHA-256；文件上传随附件功能提供。'),
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
      attachments,
      remarks: v('remarks'),
      urgentReason: urgent.checked ? v('urgentReason') : undefined,
    };
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const registered = await api.post('/api/letters', body);
      result.replaceChildren(h('div', { class: 'success', 'data-registered': registered.letterId },
        h('p', {}, '已登记，序号 ', h('strong', { 'data-serial': registered.serialNo }, registered.serialNo), '。'),
        h('ul', {}, Object.entries(registered.deadlines || {}).map(([key, due]) =>
          h('li', {}, `${key === 'firstResponseDue' ? label(DEADLINE, 'FIRST_RESPONSE') : label(DEADLINE, 'REPLY')}时限：${time(due)}`))),
        (registered.warnings || []).length ? h('p', { class: 'warning' }, registered.warnings.join('；')) : null,
        h('p', {}, h('a', { href: `#/letters/${registered.letterId}?minVersion=${registered.version}` }, '打开信函页面'))));
      form.reset();
      attachments = [];
      attachmentList.replaceChildren();
      form.elements.receivedAt.value = nowForInput();
    } catch (e) {
      // shown by the API module
    } finally {
      button.disabled = false;
    }
  });
  main.replaceChildren(h('h1', {}, '信函登记'), form, result);
}
