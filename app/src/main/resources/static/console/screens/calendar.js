// 日历 (ADMIN): a year's statutory holidays and make-up working days (调休), as deadlines count them; loading a
// year replaces its lists (PUT /api/calendar/{year}).
import { api } from '../api.js';
import { h, field, notice } from '../ui.js';

const ORIGIN = { BUILT_IN: '内置（国务院办公厅通知）', LOADED: '管理员导入', NONE: '未导入：按周一至周五计算' };
const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

function month(year, m, holidays, workdays) {
  const first = new Date(Date.UTC(year, m, 1));
  const days = new Date(Date.UTC(year, m + 1, 0)).getUTCDate();
  const blanks = (first.getUTCDay() + 6) % 7;
  const cells = Array.from({ length: blanks }, () => h('td', {}));
  for (let d = 1; d <= days; d += 1) {
    const iso = `${year}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    const weekday = new Date(Date.UTC(year, m, d)).getUTCDay();
    const kind = workdays.has(iso) ? 'workday' : holidays.has(iso) ? 'holiday' : weekday === 0 || weekday === 6 ? 'weekend' : '';
    const text = kind === 'workday' ? '班' : kind === 'holiday' ? '休' : '';
    cells.push(h('td', { class: kind, 'data-date': iso }, String(d), text ? h('span', { class: 'day-kind' }, text) : null));
  }
  const rows = [];
  for (let i = 0; i < cells.length; i += 7) {
    rows.push(h('tr', {}, cells.slice(i, i + 7)));
  }
  return h('table', { class: 'month' }, h('caption', {}, `${m + 1} 月`),
    h('thead', {}, h('tr', {}, WEEKDAYS.map((w) => h('th', { scope: 'col' }, w)))), h('tbody', {}, rows));
}

export async function render(main, ctx) {
  const thisYear = new Date(Date.now() + 8 * 3600 * 1000).getUTCFullYear();
  const year = Number(ctx.params[0] || thisYear);
  const calendar = await api.get(`/api/calendar/${year}`);
  const holidays = new Set(calendar.holidays);
  const workdays = new Set(calendar.workdays);
  const yearInput = h('input', { type: 'number', name: 'year', min: '2000', max: '2100', value: String(year) });
  const pickYear = h('form', { class: 'filters', 'aria-label': '选择年份' }, field('年份', yearInput),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, '查看')));
  pickYear.addEventListener('submit', (event) => { event.preventDefault(); ctx.go(`calendar/${yearInput.value}`); });

  const edit = h('form', { class: 'calendar-edit', 'aria-label': '导入日历' },
    field('法定节假日（每行一个日期，如 2026-10-01）', h('textarea', { name: 'holidays', rows: 8 }, calendar.holidays.join('\n'))),
    field('调休上班日（每行一个日期）', h('textarea', { name: 'workdays', rows: 4 }, calendar.workdays.join('\n'))),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, `保存 ${year} 年日历`)));
  edit.addEventListener('submit', async (event) => {
    event.preventDefault();
    const dates = (text) => text.split(/\s+/).map((s) => s.trim()).filter(Boolean);
    try {
      await api.put(`/api/calendar/${year}`, { holidays: dates(edit.elements.holidays.value), workdays: dates(edit.elements.workdays.value) });
      notice(`${year} 年日历已保存，此后计算的时限按新日历。`);
      await render(main, ctx);
    } catch (e) {
      // shown by the API module
    }
  });

  main.replaceChildren(
    h('h1', {}, `${year} 年工作日历`),
    pickYear,
    h('p', { 'data-origin': calendar.origin }, `来源：${ORIGIN[calendar.origin] || calendar.origin}。「休」为法定节假日，「班」为调休上班日。`),
    h('div', { class: 'year', role: 'region', 'aria-label': `${year} 年日历`, tabindex: '0' },
      Array.from({ length: 12 }, (_, m) => month(year, m, holidays, workdays))),
    ctx.can('ADMIN') ? edit : null);
}
