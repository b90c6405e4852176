// 质量分析: the monthly error analysis (GET /api/quality/monthly) with charts — on-time rates, corrections by cause
// and by how found, satisfaction, the quality score over twelve months — the quality loop and petitions/referrals
// sections (quality-sections.js), and CSV exports of the month's analysis and of the twelve months' trend.
import { api, query } from '../api.js';
import { h, field, select, table } from '../ui.js';
import { CAUSE, FOUND_BY, DEPARTMENT, label } from '../i18n.js';
import { chart, echartsLib } from '../charts.js';
import { loopTable, procedureTable, csvRows, satisfactionOption } from './quality-sections.js';

const percent = (rate) => (rate === null || rate === undefined ? '—' : `${(Number(rate) * 100).toFixed(1)}%`);
const rate = (value) => (value === null || value === undefined ? null : Number((Number(value) * 100).toFixed(1)));
const number = (value) => (value === null || value === undefined ? '—' : String(value));

const COLUMNS = [
  ['部门', (r) => label(DEPARTMENT, r.department)],
  ['收件', (r) => r.lettersReceived], ['答复', (r) => r.lettersReplied],
  ['初步响应按时率', (r) => percent(r.firstResponseOnTimeRate)], ['答复按时率', (r) => percent(r.replyOnTimeRate)],
  ['更正', (r) => r.correctionsIssued], ['措辞问题', (r) => r.lettersWithWordingFindings],
  ['争议（新/结）', (r) => `${r.disputesOpened}/${r.disputesResolved}`],
  ['平均处理时长（小时）', (r) => number(r.meanHandlingHours)],
  ['准确性', (r) => percent(r.accuracy)], ['及时性', (r) => percent(r.timeliness)],
  ['专业性', (r) => percent(r.professionalism)], ['质量得分', (r) => number(r.qualityScore)],
];

function monthsBack(month, count) {
  const [year, m] = month.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(year, m - 1 - (count - 1 - i), 1));
    return d.toISOString().substring(0, 7);
  });
}

function csvBlob(rows) {
  const text = rows.map((row) => row.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(',')).join('\r\n');
  return new Blob([`\ufeff${text}\r\n`], { type: 'text/csv;charset=utf-8' });
}

function csv(analysis) {
  return csvBlob([COLUMNS.map(([title]) => title)]
    .concat([...analysis.departments, analysis.total].map((r) => COLUMNS.map(([, value]) => String(value(r)))))
    .concat(csvRows(analysis)));
}

const TREND_COLUMNS = [
  ['月份', (m) => m.month], ['质量得分', (m) => number(m.total.qualityScore)],
  ['准确性', (m) => percent(m.total.accuracy)], ['及时性', (m) => percent(m.total.timeliness)],
  ['专业性', (m) => percent(m.total.professionalism)],
  ['初步响应按时率', (m) => percent(m.total.firstResponseOnTimeRate)], ['答复按时率', (m) => percent(m.total.replyOnTimeRate)],
  ['满意率', (m) => percent(m.qualityLoop?.total.satisfiedRate)],
];

function trendCsv(months, history) {
  return csvBlob([TREND_COLUMNS.map(([title]) => title)].concat(months.map((month, i) => {
    const analysis = history[i] || { month, total: {}, qualityLoop: null };
    return TREND_COLUMNS.map(([, value]) => String(value({ ...analysis, month })));
  })));
}

export async function render(main, ctx) {
  const current = new Date(Date.now() + 8 * 3600 * 1000).toISOString().substring(0, 7);
  const monthInput = h('input', { type: 'month', name: 'month', value: ctx.query.get('month') || current, required: true });
  const department = select('department', { CUSTOMER_SERVICE: '客服部门', BUSINESS: '业务部门', ADMINISTRATION: '行政部门', UNASSIGNED: '未分配' },
    { empty: '全部部门' });
  const form = h('form', { class: 'filters', 'aria-label': '选择月份' }, field('月份', monthInput), field('部门', department),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, '分析')));
  const exportLink = h('div', { class: 'export' });
  const figures = h('div', {});
  const sections = h('div', { class: 'quality-sections' });
  const charts = h('div', { class: 'charts' });
  main.replaceChildren(h('h1', {}, '质量分析'), form, exportLink, figures, sections, charts);

  let disposers = [];
  let loads = 0; // the latest load; an earlier one's trend arriving late is not drawn
  ctx.onLeave(() => { loads += 1; disposers.forEach((d) => d()); });

  async function load() {
    disposers.forEach((d) => d());
    disposers = [];
    const generation = ++loads;
    const month = monthInput.value;
    charts.removeAttribute('data-drawn');
    // The chart library is fetched while the month's analysis is computed, not after it arrived.
    echartsLib().catch(() => {});
    const analysis = await api.get(`/api/quality/monthly${query({ month, department: department.value })}`);
    const rows = [...analysis.departments, analysis.total];
    figures.replaceChildren(table(`${month} 质量分析`, COLUMNS.map(([title]) => title),
      rows.map((r) => h('tr', { class: r.department === 'ALL' ? 'total' : '' }, COLUMNS.map(([, value]) => h('td', {}, value(r)))))));
    const url = URL.createObjectURL(csv(analysis));
    disposers.push(() => URL.revokeObjectURL(url));
    exportLink.replaceChildren(h('a', { href: url, download: `质量分析-${month}.csv`, 'data-export': 'quality-csv' }, '导出本月分析（CSV）'));
    sections.replaceChildren(loopTable(analysis, month), procedureTable(analysis, month));

    const box = (id, title) => h('figure', { class: 'chart-box' },
      h('figcaption', { id: `${id}-title` }, title),
      h('div', { class: 'chart', id, 'data-chart': id, role: 'img', 'aria-labelledby': `${id}-title` }));
    const onTime = box('chart-on-time', '按时率（各部门）');
    const causes = box('chart-causes', '答复更正：按原因');
    const foundBy = box('chart-found-by', '答复更正：按发现途径');
    const satisfaction = box('chart-satisfaction', '回访满意度（各部门）');
    const trend = box('chart-trend', '近 12 个月质量得分与按时率');
    charts.replaceChildren(onTime, causes, foundBy, satisfaction, trend);

    const names = rows.map((r) => label(DEPARTMENT, r.department));
    disposers.push(await chart(onTime.querySelector('.chart'), {
      tooltip: {}, legend: { top: 0 }, grid: { top: 40, left: 50, right: 20, bottom: 30 },
      xAxis: { type: 'category', data: names }, yAxis: { type: 'value', max: 100, name: '%' },
      series: [
        { name: '初步响应按时率', type: 'bar', data: rows.map((r) => rate(r.firstResponseOnTimeRate)) },
        { name: '答复按时率', type: 'bar', data: rows.map((r) => rate(r.replyOnTimeRate)) },
      ],
    }));
    const pie = (counts, names2) => Object.entries(counts || {}).filter(([, value]) => value > 0)
      .map(([key, value]) => ({ name: label(names2, key), value }));
    const pieOption = (data) => ({
      tooltip: { trigger: 'item' }, legend: { bottom: 0 },
      series: [{ type: 'pie', radius: ['35%', '65%'], data, label: { formatter: '{b}: {c}' } }],
      graphic: data.length ? [] : [{ type: 'text', left: 'center', top: 'middle', style: { text: '本月无更正', fontSize: 14 } }],
    });
    disposers.push(await chart(causes.querySelector('.chart'), pieOption(pie(analysis.total.correctionsByCause, CAUSE))));
    disposers.push(await chart(foundBy.querySelector('.chart'), pieOption(pie(analysis.total.correctionsByFoundBy, FOUND_BY))));
    disposers.push(await chart(satisfaction.querySelector('.chart'), satisfactionOption(analysis)));

    // The month is on screen now; the twelve months' trend (twelve more analyses) is drawn when they have arrived.
    trend.setAttribute('aria-busy', 'true');
    drawTrend(generation, month, trend).catch((e) => {
      if (generation === loads) {
        trend.querySelector('.chart').replaceChildren(h('p', { class: 'empty' }, '趋势加载失败'));
        trend.removeAttribute('aria-busy');
      }
      console.error(e);
    });
  }

  async function drawTrend(generation, month, trend) {
    const months = monthsBack(month, 12);
    const history = await Promise.all(months.map((m) =>
      api.get(`/api/quality/monthly${query({ month: m, department: department.value })}`, { quiet: true }).catch(() => null)));
    if (generation !== loads) {
      return;
    }
    const totals = history.map((a) => (a ? a.total : {}));
    disposers.push(await chart(trend.querySelector('.chart'), {
      tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { top: 40, left: 50, right: 20, bottom: 30 },
      xAxis: { type: 'category', data: months }, yAxis: { type: 'value', max: 100 },
      series: [
        { name: '质量得分', type: 'line', connectNulls: true, data: totals.map((t) => (t.qualityScore === undefined || t.qualityScore === null ? null : Number(t.qualityScore))) },
        { name: '答复按时率 %', type: 'line', connectNulls: true, data: totals.map((t) => rate(t.replyOnTimeRate)) },
      ],
    }));
    const trendUrl = URL.createObjectURL(trendCsv(months, history));
    disposers.push(() => URL.revokeObjectURL(trendUrl));
    exportLink.append(' ', h('a', { href: trendUrl, download: `质量趋势-${months[0]}至${month}.csv`, 'data-export': 'quality-trend-csv' },
      '导出近 12 个月趋势（CSV）'));
    trend.removeAttribute('aria-busy');
    charts.setAttribute('data-drawn', month);
    // For the benchmark harness: the screen's last part is drawn (its first render is the letterdesk:drawn mark).
    performance.mark('letterdesk:complete', { detail: 'quality' });
  }

  form.addEventListener('submit', (event) => { event.preventDefault(); load(); });
  await load();
}
