// The sections of the monthly analysis beside its main table (docs/quality-metrics.md): the quality loop — reply
// commitments (答复承诺事项) and follow-up satisfaction (回访满意度) — and petitions with referral reports
// (信访与批办件). Tables, their CSV rows and the satisfaction chart; quality.js places them on the screen.
import { h, table } from '../ui.js';
import { DEPARTMENT, label } from '../i18n.js';

export const percent = (rate) => (rate === null || rate === undefined ? '—' : `${(Number(rate) * 100).toFixed(1)}%`);

export const SATISFACTION = {
  VERY_SATISFIED: '非常满意', SATISFIED: '满意', NEUTRAL: '一般', DISSATISFIED: '不满意', VERY_DISSATISFIED: '非常不满意',
};

const level = (r, key) => (r.satisfaction ? r.satisfaction[key] ?? 0 : 0);

// The spot-check figures of the loop rows are shown by the spot-check part of the screen, not here.
export const LOOP_COLUMNS = [
  ['部门', (r) => label(DEPARTMENT, r.department)],
  ['承诺事项（新增）', (r) => r.commitmentsMade], ['到期', (r) => r.commitmentsDue],
  ['按时兑现', (r) => r.commitmentsFulfilledOnTime], ['逾期', (r) => r.commitmentsMissed],
  ['承诺按时兑现率', (r) => percent(r.commitmentOnTimeRate)],
  ['回访（有满意度）', (r) => r.followUpsRated],
  ...Object.entries(SATISFACTION).map(([key, text]) => [text, (r) => level(r, key)]),
  ['满意率', (r) => percent(r.satisfiedRate)], ['不满意率', (r) => percent(r.dissatisfiedRate)],
];

export const PROCEDURE_COLUMNS = [
  ['部门', (r) => label(DEPARTMENT, r.department)],
  ['信访受理', (r) => r.petitionsAccepted], ['不予受理', (r) => r.petitionsNotAccepted],
  ['延期', (r) => r.petitionsExtended], ['复查申请', (r) => r.reviewsRequested],
  ['复核申请', (r) => r.secondReviewsRequested], ['终结', (r) => r.petitionsFinal],
  ['批办件报告到期', (r) => r.referralReportsDue], ['按时报告', (r) => r.referralReportsOnTime],
  ['逾期报告', (r) => r.referralReportsLate], ['报告按时率', (r) => percent(r.referralReportOnTimeRate)],
];

/** A section's rows: the departments, then the total (absent in an older analysis: then none). */
export const sectionRows = (section) => (section ? [...section.departments, section.total] : []);

function sectionTable(id, title, caption, columns, section) {
  return h('section', { 'aria-labelledby': `${id}-heading`, 'data-section': id },
    h('h2', { id: `${id}-heading` }, title),
    table(caption, columns.map(([name]) => name), sectionRows(section).map((r) =>
      h('tr', { class: r.department === 'ALL' ? 'total' : '', 'data-department': r.department },
        columns.map(([, value]) => h('td', {}, String(value(r))))))));
}

export function loopTable(analysis, month) {
  return sectionTable('quality-loop', '承诺事项与回访满意度', `${month} 承诺事项与回访满意度`, LOOP_COLUMNS,
    analysis.qualityLoop);
}

export function procedureTable(analysis, month) {
  return sectionTable('petitions-referrals', '信访与批办件', `${month} 信访与批办件`, PROCEDURE_COLUMNS,
    analysis.petitionsAndReferrals);
}

/** The CSV rows of both sections, each under its own title line and header. */
export function csvRows(analysis) {
  const block = (title, columns, section) => [[title], columns.map(([name]) => name)]
    .concat(sectionRows(section).map((r) => columns.map(([, value]) => String(value(r)))));
  return [[], ...block('承诺事项与回访满意度', LOOP_COLUMNS, analysis.qualityLoop),
    [], ...block('信访与批办件', PROCEDURE_COLUMNS, analysis.petitionsAndReferrals)];
}

/** The satisfaction chart: per department, the follow-ups by level, stacked; the satisfied rate on a line. */
export function satisfactionOption(analysis) {
  const rows = sectionRows(analysis.qualityLoop);
  const rate = (value) => (value === null || value === undefined ? null : Number((Number(value) * 100).toFixed(1)));
  const rated = rows.some((r) => r.followUpsRated > 0);
  return {
    tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { top: 60, left: 50, right: 50, bottom: 30 },
    xAxis: { type: 'category', data: rows.map((r) => label(DEPARTMENT, r.department)) },
    yAxis: [{ type: 'value', name: '回访', minInterval: 1 }, { type: 'value', name: '满意率 %', max: 100 }],
    series: [
      ...Object.entries(SATISFACTION).map(([key, text]) => ({
        name: text, type: 'bar', stack: 'satisfaction', data: rows.map((r) => level(r, key)),
      })),
      { name: '满意率 %', type: 'line', yAxisIndex: 1, connectNulls: false, data: rows.map((r) => rate(r.satisfiedRate)) },
    ],
    graphic: rated ? [] : [{ type: 'text', left: 'center', top: 'middle', style: { text: '本月无回访满意度', fontSize: 14 } }],
  };
}
