// 客户档案: sender files (GET /api/senders, GET /api/senders/{id}) — personal fields masked as every ordinary read;
// the file's letters and its repeat count. A clear read happens only on a letter's page, with a reason.
import { api, query } from '../api.js';
import { h, field, table, time, pager } from '../ui.js';
import { STATUS, CATEGORY, label } from '../i18n.js';

const masked = (value) => value || '—';

async function list(main, ctx) {
  const state = { page: 0, size: 20 };
  const q = h('input', { type: 'search', name: 'q', value: ctx.query.get('q') || '', placeholder: '姓名或单位' });
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': '查找客户档案' },
    field('姓名或单位', q),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, '查询')));
  const result = h('div', {});
  const nav = h('nav', { class: 'pager', 'aria-label': '分页' });
  main.replaceChildren(h('h1', {}, '客户档案'),
    h('p', {}, '电话、邮箱、地址和证件号均已脱敏显示。'), form, result, nav);

  async function load() {
    const page = await api.get(`/api/senders${query({ q: q.value.trim(), page: state.page, size: state.size })}`);
    result.replaceChildren(h('p', { class: 'summary' }, `共 ${page.total} 份档案`),
      table('客户档案', ['姓名', '单位', '电话', '电子邮箱', '来函件数', '状态'], page.items.map((f) =>
        h('tr', { 'data-sender-id': f.senderId },
          h('td', {}, h('a', { href: `#/senders/${f.senderId}` }, f.name || '—')),
          h('td', {}, f.organization || '—'), h('td', {}, masked(f.phone)), h('td', {}, masked(f.email)),
          h('td', {}, String(f.letterCount)),
          h('td', {}, f.erased ? '个人信息已删除' : f.mergedInto ? '已合并' : '在用')))));
    pager(nav, state, page.total, load);
  }
  form.addEventListener('submit', (event) => { event.preventDefault(); state.page = 0; load(); });
  await load();
}

async function file(main, ctx, senderId) {
  const f = await api.get(`/api/senders/${senderId}`);
  ctx.setTitle(`客户档案 ${f.name || ''}`);
  const repeat = Math.max(0, f.letterCount - 1);
  main.replaceChildren(
    h('p', {}, h('a', { href: '#/senders' }, '← 全部客户档案')),
    h('h1', {}, `客户档案：${f.name || '—'}`),
    h('section', { class: 'panel', 'aria-labelledby': 'sender-file' },
      h('h2', { id: 'sender-file' }, '档案信息（已脱敏）'),
      h('dl', { class: 'facts', 'data-sender-file': f.senderId },
        h('dt', {}, '姓名'), h('dd', {}, f.name || '—'),
        h('dt', {}, '单位'), h('dd', {}, f.organization || '—'),
        h('dt', {}, '电话'), h('dd', { 'data-masked': 'phone' }, masked(f.phone)),
        h('dt', {}, '电子邮箱'), h('dd', { 'data-masked': 'email' }, masked(f.email)),
        h('dt', {}, '地址'), h('dd', {}, masked(f.address)),
        h('dt', {}, '身份证号'), h('dd', {}, masked(f.idNumber)),
        h('dt', {}, '来函件数'), h('dd', { 'data-letter-count': f.letterCount }, `${f.letterCount} 件（重复来函 ${repeat} 次）`),
        h('dt', {}, '其中信访件'), h('dd', {}, `${f.petitionCount} 件`),
        f.mergedInto ? [h('dt', {}, '已合并到'), h('dd', {}, h('a', { href: `#/senders/${f.mergedInto}` }, '另一份档案'))] : null,
        f.erased ? [h('dt', {}, '个人信息'), h('dd', {}, '已按申请删除')] : null)),
    h('section', { class: 'panel', 'aria-labelledby': 'sender-letters' },
      h('h2', { id: 'sender-letters' }, '来函'),
      table('该发件人的来函', ['序号', '收件时间', '类别', '处理状态'], f.letters.map((l) =>
        h('tr', { 'data-letter': l.letterId },
          h('td', {}, h('a', { href: `#/letters/${l.letterId}` }, l.serialNo || l.letterId)),
          h('td', {}, time(l.receivedAt)), h('td', {}, label(CATEGORY, l.category)),
          h('td', {}, label(STATUS, l.status)))))));
}

export async function render(main, ctx) {
  if (ctx.params[0]) {
    await file(main, ctx, ctx.params[0]);
  } else {
    await list(main, ctx);
  }
}
