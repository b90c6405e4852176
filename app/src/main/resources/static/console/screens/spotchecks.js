// 抽查: a month's internal spot check (GET /api/spot-checks/{month}); supervisors draw a month that has ended
// (POST /api/spot-checks), reviewers and supervisors record each sampled letter's result
// (POST /api/spot-checks/{month}/letters/{letterId}). An ERROR is corrected on the letter's page (更正, 内部抽查).
import { api } from '../api.js';
import { h, field, select, table, time, action, notice } from '../ui.js';
import { label } from '../i18n.js';

const RESULT = { OK: '无误', ERROR: '有误' };

/** The previous month in the organisation's time (+08:00), the month normally drawn. */
function previousMonth() {
  const d = new Date(Date.now() + 8 * 3600 * 1000);
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().substring(0, 7);
}

async function load(month) {
  try {
    return await api.get(`/api/spot-checks/${encodeURIComponent(month)}`, { quiet: true });
  } catch (e) {
    if (e.status !== 404) {
      throw e;
    }
    return null;
  }
}

/** After an action: the spot check's read model follows the events a moment later, so wait until it shows it. */
async function caughtUp(month, shows) {
  for (let i = 0; i < 40; i += 1) {
    const check = await load(month);
    if (check && shows(check)) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function render(main, ctx) {
  const month = ctx.params[0] || ctx.query.get('month') || previousMonth();
  const picker = h('form', { class: 'filters', role: 'search', 'aria-label': '选择抽查月份' },
    field('月份', h('input', { type: 'month', name: 'month', value: month, required: true })),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, '查看')));
  picker.addEventListener('submit', (event) => {
    event.preventDefault();
    ctx.go(`spot-checks/${encodeURIComponent(picker.elements.month.value)}`);
  });
  const body = h('div', {});
  main.replaceChildren(h('h1', {}, `内部抽查 · ${month}`), picker, body);

  const check = await load(month);
  if (!check) {
    body.replaceChildren(h('p', { 'data-spot-check': 'none' }, '该月尚未抽查。'),
      ctx.can('SUPERVISOR')
        ? action('抽取样本', [
          field('样本数量', h('input', { type: 'number', name: 'sampleSize', min: '1', max: '1000', value: '10' }),
            '从该月已答复的信函中随机抽取；月份结束后才能抽取，每月只抽一次。'),
        ], async (values) => {
          await api.post('/api/spot-checks', { month, sampleSize: values.sampleSize ? Number(values.sampleSize) : undefined });
          await caughtUp(month, () => true);
          await render(main, ctx);
          notice('已抽取样本');
        }, { open: true, buttonText: '抽取', testId: 'draw' })
        : h('p', {}, '样本由部门主管抽取（或在下月首个工作日自动抽取）。'));
    return;
  }

  const serials = await Promise.all(check.letters.map((l) =>
    api.get(`/api/letters/${l.letterId}`, { quiet: true }).then((v) => v.serialNo, () => l.letterId)));
  const mayRecord = ctx.can('REVIEWER', 'SUPERVISOR') && !check.complete;
  const rows = check.letters.map((l, i) => h('tr', { 'data-sample': l.letterId },
    h('td', {}, String(i + 1)),
    h('td', {}, h('a', { href: `#/letters/${l.letterId}` }, serials[i])),
    h('td', { class: 'nowrap', 'data-result': l.result || '' }, l.result ? label(RESULT, l.result) : '未检查'),
    h('td', { class: 'long' }, l.note || '—'),
    h('td', {}, l.checkedBy ? `${l.checkedBy} ${time(l.checkedAt)}` : '—'),
    h('td', {}, l.correctionNo ? `第 ${l.correctionNo} 号更正` : (l.result === 'ERROR' ? '待更正' : '—')),
    mayRecord ? h('td', {}, action('记录结果', [
      field('结果', select('result', RESULT, { value: l.result || 'OK', required: true })),
      field('说明', h('textarea', { name: 'note', rows: '2', required: true })),
    ], async (values) => {
      await api.post(`/api/spot-checks/${encodeURIComponent(month)}/letters/${l.letterId}`,
        { result: values.result, note: values.note });
      await caughtUp(month, (now) => now.letters.some((x) => x.letterId === l.letterId
        && x.result === values.result && x.note === values.note));
      await render(main, ctx);
      notice(`已记录 ${serials[i]} 的抽查结果`);
    }, { buttonText: '记录', testId: `result-${i + 1}` })) : null));
  body.replaceChildren(
    h('dl', { class: 'facts', 'data-spot-check': check.complete ? 'complete' : 'open' },
      h('dt', {}, '随机种子'), h('dd', { 'data-seed': String(check.seed) }, String(check.seed)),
      h('dt', {}, '样本/候选'), h('dd', {}, `${check.letters.length} / ${check.candidates} 件`),
      h('dt', {}, '抽取'), h('dd', {}, `${check.automatic ? '系统自动' : check.drawnBy} ${time(check.drawnAt)}`),
      h('dt', {}, '已检查'), h('dd', {}, `${check.checked} 件，其中有误 ${check.errors} 件`),
      h('dt', {}, '状态'), h('dd', { 'data-complete': String(check.complete) },
        check.complete ? `已完成（${time(check.completedAt)}）` : '进行中')),
    check.letters.length
      ? table('抽查样本', ['序', '信函序号', '结果', '说明', '检查人', '更正', ...(mayRecord ? ['操作'] : [])], rows)
      : h('p', {}, '该月没有已答复的信函。'),
    check.errors ? h('p', {}, '有误的信函请在信函页面签发更正函（发现途径选“内部抽查”），系统自动关联。') : null);
}
