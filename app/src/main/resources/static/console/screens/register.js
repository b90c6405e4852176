// 信函登记表: the register with the form's columns, filters, search, sort, paging and CSV/XLSX export.
import { api, query } from '../api.js';
import { h, field, select, table, time } from '../ui.js';
import { STATUS, DEPARTMENT, CHANNEL, CATEGORY, label } from '../i18n.js';

const COLUMNS = [
  ['序号', 'serialNo'], ['收件日期时间', 'receivedAt'], ['发件人信息'], ['主题'], ['核心诉求'], ['附件清单'],
  ['分配部门', 'department'], ['处理状态', 'status'], ['答复时限', 'replyDue'], ['实际完成时间', 'completedAt'], ['备注'],
];
const FILTERS = ['from', 'to', 'status', 'department', 'channel', 'category', 'urgent', 'overdue', 'q'];
const EXPORTERS = ['SUPERVISOR', 'AUDITOR', 'ARCHIVIST'];
const YES_NO = { true: '是', false: '否' };

export async function render(main, ctx) {
  const state = {
    page: Number(ctx.query.get('page') || 0),
    size: Number(ctx.query.get('size') || 20),
    sort: ctx.query.get('sort') || 'receivedAt,desc',
  };
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': '筛选登记表' },
    field('收件日期从', h('input', { type: 'date', name: 'from' })),
    field('至', h('input', { type: 'date', name: 'to' })),
    field('处理状态', select('status', STATUS, { empty: '全部' })),
    field('分配部门', select('department', { CUSTOMER_SERVICE: '客服部门', BUSINESS: '业务部门', ADMINISTRATION: '行政部门' },
      { empty: '全部' })),
    field('渠道', select('channel', CHANNEL, { empty: '全部' })),
    field('类别', select('category', CATEGORY, { empty: '全部' })),
    field('紧急', select('urgent', YES_NO, { empty: '全部' })),
    field('超时', select('overdue', YES_NO, { empty: '全部' })),
    field('搜索', h('input', { type: 'search', name: 'q', placeholder: '主题、诉求或发件人' })),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary' }, '查询'),
      h('button', { type: 'reset' }, '清除')));
  FILTERS.forEach((name) => {
    if (ctx.query.get(name)) {
      form.elements[name].value = ctx.query.get(name);
    }
  });

  const exportLinks = h('div', { class: 'export' });
  const result = h('div', { class: 'register-result' });
  const pager = h('nav', { class: 'pager', 'aria-label': '分页' });
  main.replaceChildren(h('h1', {}, '信函登记表'), form, exportLinks, result, pager);

  function filters() {
    const values = {};
    FILTERS.forEach((name) => { values[name] = form.elements[name].value; });
    return values;
  }

  async function load() {
    const params = { ...filters(), page: state.page, size: state.size, sort: state.sort };
    const page = await api.get(`/api/register${query(params)}`);
    if (ctx.can(...EXPORTERS)) {
      const exportQuery = (format) => query({ ...filters(), format });
      exportLinks.replaceChildren(
        h('span', {}, '导出：'),
        h('a', { href: `/api/register/export${exportQuery('csv')}`, download: '', 'data-export': 'csv' }, 'CSV'),
        ' ',
        h('a', { href: `/api/register/export${exportQuery('xlsx')}`, download: '', 'data-export': 'xlsx' }, 'Excel (XLSX)'));
    }
    const [field, direction] = state.sort.split(',');
    const header = (title, key) => {
      if (!key) {
        return title;
      }
      const active = key === field;
      const next = active && direction === 'desc' ? 'asc' : 'desc';
      return h('button', {
        type: 'button', class: 'sort', 'data-sort': key, title: `按${title}${next === 'asc' ? '升序' : '降序'}排序`,
        onclick: () => { state.sort = `${key},${next}`; state.page = 0; load(); },
      }, title, active ? (direction === 'desc' ? ' ▼' : ' ▲') : '');
    };
    const rows = page.items.map((item) => h('tr', { class: item.overdue ? 'overdue' : '', 'data-serial': item.serialNo },
      h('td', {}, h('a', { href: `#/letters/${item.letterId}` }, item.serialNo)),
      h('td', {}, time(item.receivedAt)),
      h('td', {}, item.senderInfo),
      h('td', {}, item.subject, item.urgent ? h('span', { class: 'badge urgent' }, '紧急') : null),
      h('td', { class: 'long' }, item.coreRequest),
      h('td', {}, item.attachments || '—'),
      h('td', {}, label(DEPARTMENT, item.department)),
      h('td', {}, label(STATUS, item.status), item.overdue ? h('span', { class: 'badge overdue' }, '超时') : null),
      h('td', {}, time(item.replyDue)),
      h('td', {}, time(item.completedAt)),
      h('td', {}, item.remarks || '')));
    const tableElement = table('信函登记表', [], rows);
    tableElement.querySelector('thead tr').replaceChildren(...COLUMNS.map(([title, key]) =>
      h('th', { scope: 'col', 'aria-sort': key === field ? (direction === 'desc' ? 'descending' : 'ascending') : undefined },
        header(title, key))));
    // A search counts its matches up to a cap only (totalExact false): "1000+", and pages up to the cap.
    const shown = page.totalExact === false ? `${page.total}+` : `${page.total}`;
    result.replaceChildren(h('p', { class: 'summary', 'aria-live': 'polite', 'data-total': page.total },
      `共 ${shown} 件`), tableElement);
    const pages = Math.max(1, Math.ceil(page.total / state.size));
    pager.replaceChildren(
      h('button', { type: 'button', disabled: state.page === 0, onclick: () => { state.page -= 1; load(); } }, '上一页'),
      h('span', {}, `第 ${state.page + 1} / ${pages} 页`),
      h('button', { type: 'button', disabled: state.page + 1 >= pages, onclick: () => { state.page += 1; load(); } }, '下一页'));
    result.setAttribute('data-loaded', String(Date.now()));
  }

  form.addEventListener('submit', (event) => { event.preventDefault(); state.page = 0; load(); });
  form.addEventListener('reset', () => { setTimeout(() => { state.page = 0; load(); }, 0); });
  await load();
}
