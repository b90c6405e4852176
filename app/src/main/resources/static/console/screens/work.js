// 我的工作: open letters by due time, at-risk and overdue marked, updated live from the server's event stream.
import { api, query } from '../api.js';
import { h, field, select, table, time } from '../ui.js';
import { STATUS, DEPARTMENT, DEADLINE, label } from '../i18n.js';
import { countdown, isClockDeadline, loadCalendars } from '../workingtime.js';

export async function render(main, ctx) {
  const department = select('department', { CUSTOMER_SERVICE: '客服部门', BUSINESS: '业务部门', ADMINISTRATION: '行政部门' },
    { empty: '全部部门', value: ctx.query.get('department') || '' });
  const mine = h('input', { type: 'checkbox', name: 'mine', checked: ctx.query.get('mine') === '1' });
  const live = h('span', { class: 'live', 'data-live': 'connecting' }, '正在连接实时更新…');
  const list = h('div', { class: 'work-list' });
  const summary = h('p', { class: 'summary', 'aria-live': 'polite' });

  main.replaceChildren(
    h('h1', {}, '我的工作'),
    h('div', { class: 'toolbar' },
      field('部门', department),
      h('div', { class: 'field checkbox' }, h('label', {}, mine, ' 只看分配给我的')),
      live),
    summary,
    list);

  let calendars = await loadCalendars();

  async function load() {
    const page = await api.get(`/api/worklist${query({
      department: department.value, assignee: mine.checked ? ctx.me.user : '', size: 200,
    })}`);
    calendars = await loadCalendars(calendars);
    const overdue = page.items.filter((i) => i.overdue).length;
    const atRisk = page.items.filter((i) => i.atRisk && !i.overdue).length;
    summary.textContent = `共 ${page.total} 件待办，其中超时 ${overdue} 件，临近时限 ${atRisk} 件。`;
    list.replaceChildren(table('待办信函', ['序号', '主题', '部门', '经办人', '状态', '下一时限', '剩余时间', '标记'],
      page.items.map((item) => h('tr', {
        class: item.overdue ? 'overdue' : item.atRisk ? 'at-risk' : '', 'data-letter': item.letterId,
      },
      h('td', {}, h('a', { href: `#/letters/${item.letterId}` }, item.serialNo)),
      h('td', {}, item.subject),
      h('td', {}, label(DEPARTMENT, item.department)),
      h('td', {}, item.assignee || '—'),
      h('td', {}, label(STATUS, item.status)),
      h('td', {}, item.nextDue ? `${label(DEADLINE, item.nextDueKind)} ${time(item.nextDue)}` : '—'),
      h('td', {}, item.nextDue ? countdown(item.nextDue, calendars, isClockDeadline(item.nextDueKind, item.urgent)) : '—'),
      h('td', {}, [
        item.urgent ? h('span', { class: 'badge urgent' }, '紧急') : null,
        item.overdue ? h('span', { class: 'badge overdue' }, '超时') : null,
        item.atRisk && !item.overdue ? h('span', { class: 'badge at-risk' }, '临近时限') : null,
        item.openDisputes ? h('span', { class: 'badge' }, `争议 ${item.openDisputes}`) : null,
        item.openCorrections ? h('span', { class: 'badge' }, `更正 ${item.openCorrections}`) : null,
      ])))));
    list.setAttribute('data-loaded', String(Date.now()));
  }

  department.addEventListener('change', load);
  mine.addEventListener('change', load);
  await load();

  // Live: the server sends an event after each change of letters; reload, at most every half second.
  const events = new EventSource('/api/worklist/stream');
  let timer = null;
  events.addEventListener('ready', () => {
    live.textContent = '实时更新中';
    live.setAttribute('data-live', 'on');
  });
  events.addEventListener('letters', () => {
    if (!timer) {
      timer = setTimeout(() => { timer = null; load().catch(() => {}); }, 500);
    }
  });
  events.onerror = () => {
    live.textContent = '实时更新已断开，正在重连…';
    live.setAttribute('data-live', 'reconnecting');
  };
  ctx.onLeave(() => { events.close(); clearTimeout(timer); });
}
