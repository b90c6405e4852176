// 承诺: the commitments of sent replies (GET /api/commitments), soonest due first, by status and department.
// Fulfilment is recorded on the letter's page (HANDLER, SUPERVISOR).
import { api, query } from '../api.js';
import { h, field, select, table, time, pager } from '../ui.js';
import { COMMITMENT_STATUS, DEPARTMENT, label } from '../i18n.js';

const DEPARTMENTS = { CUSTOMER_SERVICE: '客服部门', BUSINESS: '业务部门', ADMINISTRATION: '行政部门' };

export async function render(main, ctx) {
  const state = { page: 0, size: 20 };
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': '筛选承诺事项' },
    field('状态', select('status', COMMITMENT_STATUS, { empty: '全部', value: ctx.query.get('status') || '' })),
    field('责任部门', select('department', DEPARTMENTS, { empty: '全部' })),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, '查询')));
  const result = h('div', {});
  const nav = h('nav', { class: 'pager', 'aria-label': '分页' });
  main.replaceChildren(h('h1', {}, '答复承诺事项'),
    h('p', {}, ctx.can('HANDLER', 'SUPERVISOR')
      ? '打开信函页面，填写兑现凭据即可记录兑现。'
      : '兑现由业务答复人或部门主管在信函页面记录。'), form, result, nav);

  async function load() {
    const page = await api.get(`/api/commitments${query({
      status: form.elements.status.value, department: form.elements.department.value, page: state.page, size: state.size,
    })}`);
    result.replaceChildren(h('p', { class: 'summary' }, `共 ${page.total} 项`),
      table('答复承诺事项', ['信函序号', '编号', '承诺事项', '责任部门', '期限', '状态', '兑现时间'], page.items.map((c) =>
        h('tr', { 'data-commitment': `${c.letterId}-${c.n}`, class: c.status === 'MISSED' ? 'overdue' : '' },
          h('td', {}, h('a', { href: `#/letters/${c.letterId}` }, c.serialNo)),
          h('td', {}, String(c.n)), h('td', { class: 'long' }, c.what), h('td', {}, label(DEPARTMENT, c.department)),
          h('td', { class: 'nowrap' }, c.dueDate),
          h('td', { class: 'nowrap', 'data-status': c.status }, label(COMMITMENT_STATUS, c.status)),
          h('td', {}, c.fulfilledAt ? time(c.fulfilledAt) : '—')))));
    pager(nav, state, page.total, load);
  }
  form.addEventListener('submit', (event) => { event.preventDefault(); state.page = 0; load(); });
  await load();
}
