// 个人信息查阅记录: every clear read of a sender's personal data (GET /api/audit/personal-data-access), newest
// first, by user, letter, sender file and period (AUDITOR).
import { api, query } from '../api.js';
import { h, field, table, time, pager } from '../ui.js';
import { ROLES, label } from '../i18n.js';

const FILTERS = ['user', 'letterId', 'senderId', 'from', 'to'];

export async function render(main, ctx) {
  const state = { page: 0, size: 50 };
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': '筛选查阅记录' },
    field('查阅人（用户名）', h('input', { name: 'user' })),
    field('信函 ID', h('input', { name: 'letterId', size: 36 })),
    field('客户档案 ID', h('input', { name: 'senderId', size: 36 })),
    field('日期从', h('input', { type: 'date', name: 'from' })),
    field('至', h('input', { type: 'date', name: 'to' })),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, '查询'),
      h('button', { type: 'reset' }, '清除')));
  FILTERS.forEach((name) => {
    if (ctx.query.get(name)) {
      form.elements[name].value = ctx.query.get(name);
    }
  });
  const result = h('div', {});
  const nav = h('nav', { class: 'pager', 'aria-label': '分页' });
  main.replaceChildren(h('h1', {}, '个人信息查阅记录'),
    h('p', {}, '每次查看发件人完整信息都须说明原因，并记录在此。'), form, result, nav);

  async function load() {
    const values = Object.fromEntries(FILTERS.map((name) => [name, form.elements[name].value.trim()]));
    const page = await api.get(`/api/audit/personal-data-access${query({ ...values, page: state.page, size: state.size })}`);
    result.replaceChildren(h('p', { class: 'summary' }, `共 ${page.total} 条`),
      table('个人信息查阅记录', ['时间', '查阅人', '角色', '信函', '客户档案', '原因'], page.items.map((a) =>
        h('tr', { 'data-access': a.letterId },
          h('td', {}, time(a.at)), h('td', {}, a.user), h('td', {}, label(ROLES, a.role)),
          h('td', {}, a.letterId ? h('a', { href: `#/letters/${a.letterId}` }, a.letterId.substring(0, 8)) : '—'),
          h('td', {}, a.senderId ? h('a', { href: `#/senders/${a.senderId}` }, a.senderId.substring(0, 8)) : '—'),
          h('td', { class: 'long' }, a.reason)))));
    pager(nav, state, page.total, load);
  }
  form.addEventListener('submit', (event) => { event.preventDefault(); state.page = 0; load(); });
  form.addEventListener('reset', () => setTimeout(() => { state.page = 0; load(); }));
  await load();
}
