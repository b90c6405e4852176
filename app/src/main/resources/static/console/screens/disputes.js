// 争议处理记录簿: the dispute record book (GET /api/disputes), filtered by status and period, paged.
import { api, query } from '../api.js';
import { h, field, select, table, time } from '../ui.js';
import { DISPUTE_STATUS, label } from '../i18n.js';

export async function render(main) {
  const state = { page: 0, size: 20 };
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': '筛选争议' },
    field('状态', select('status', DISPUTE_STATUS, { empty: '全部' })),
    field('登记日期从', h('input', { type: 'date', name: 'from' })),
    field('至', h('input', { type: 'date', name: 'to' })),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, '查询')));
  const result = h('div', {});
  const pager = h('nav', { class: 'pager', 'aria-label': '分页' });
  main.replaceChildren(h('h1', {}, '争议处理记录簿'), form, result, pager);

  async function load() {
    const page = await api.get(`/api/disputes${query({
      status: form.elements.status.value, from: form.elements.from.value, to: form.elements.to.value,
      page: state.page, size: state.size,
    })}`);
    result.replaceChildren(h('p', { class: 'summary' }, `共 ${page.total} 条`),
      table('争议处理记录簿', ['争议编号', '登记时间', '争议要点', '来函方观点', '我方观点', '调查期限', '调查结论', '处理结果', '状态'],
        page.items.map((d) => h('tr', { class: !d.investigatedAt && new Date(d.investigationDue) < new Date() ? 'overdue' : '' },
          h('td', {}, h('a', { href: `#/letters/${d.letterId}` }, d.number)),
          h('td', {}, time(d.recordedAt)),
          h('td', { class: 'long' }, d.points),
          h('td', { class: 'long' }, d.senderView),
          h('td', { class: 'long' }, d.organizationView),
          h('td', {}, time(d.investigationDue)),
          h('td', { class: 'long' }, d.findings || '—',
            d.findings && d.investigatedWithinDeadline === false ? h('span', { class: 'badge overdue' }, '超期') : null),
          h('td', { class: 'long' }, d.outcome ? `${d.escalated ? '提交协调小组：' : '协商解决：'}${d.outcome}` : '—'),
          h('td', {}, label(DISPUTE_STATUS, d.status))))));
    const pages = Math.max(1, Math.ceil(page.total / state.size));
    pager.replaceChildren(
      h('button', { type: 'button', disabled: state.page === 0, onclick: () => { state.page -= 1; load(); } }, '上一页'),
      h('span', {}, `第 ${state.page + 1} / ${pages} 页`),
      h('button', { type: 'button', disabled: state.page + 1 >= pages, onclick: () => { state.page += 1; load(); } }, '下一页'));
  }
  form.addEventListener('submit', (event) => { event.preventDefault(); state.page = 0; load(); });
  await load();
}
