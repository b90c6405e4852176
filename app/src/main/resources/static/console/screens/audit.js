// 审计: a letter's full history (GET …/history) and, with a slider over its events, its state as of that instant
// (GET …/state?asOf=); for auditors, the letter's hash chain recomputed (GET /api/audit/letters/{id}/verify).
import { api, query } from '../api.js';
import { h, field, table, time } from '../ui.js';
import { STATUS, DEPARTMENT, DEADLINE, DEADLINE_STATE, ROLES, label } from '../i18n.js';

function stateView(state) {
  const deadlines = Object.entries(state.deadlines || {});
  const latest = (state.drafts || [])[state.drafts.length - 1];
  return h('dl', { class: 'facts', 'data-state-version': state.version },
    h('dt', {}, '处理状态'), h('dd', { 'data-state-status': state.status }, label(STATUS, state.status)),
    h('dt', {}, '版本'), h('dd', {}, String(state.version)),
    h('dt', {}, '分配部门'), h('dd', {}, `${label(DEPARTMENT, state.department)}${state.assignee ? `（${state.assignee}）` : ''}`),
    h('dt', {}, '紧急'), h('dd', {}, state.urgent ? `是（${state.urgentReason || ''}）` : '否'),
    h('dt', {}, '时限'), h('dd', {}, deadlines.map(([k, d]) => `${label(DEADLINE, k)} ${time(d.due)}（${label(DEADLINE_STATE, d.state)}）`).join('；') || '—'),
    h('dt', {}, '草稿'), h('dd', {}, latest ? `共 ${state.drafts.length} 稿；第 ${latest.draftNo} 稿审核 ${latest.reviews.length} 次` : '无'),
    h('dt', {}, '答复'), h('dd', {}, state.reply ? time(state.reply.sentAt) : '未答复'),
    h('dt', {}, '存档'), h('dd', {}, state.archive ? state.archive.archiveNo : '未存档'));
}

/** The letter's hash chain, recomputed on request from the stored events: intact, or where it breaks. */
// The verifier's kinds of break (ChainWalk.Break), as an auditor reads them.
const CHAIN_BREAK = {
  ALTERED: '该事件的内容、时间或操作人被改动',
  REMOVED: '该事件被删除',
  INSERTED: '该事件是绕过应用插入的',
};

function chainPanel(letterId) {
  const verdict = h('div', { 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'primary' }, '校验哈希链');
  button.addEventListener('click', async () => {
    button.disabled = true;
    verdict.replaceChildren(h('p', {}, '正在校验…'));
    try {
      const v = await api.get(`/api/audit/letters/${letterId}/verify`);
      verdict.replaceChildren(v.valid
        ? h('p', { class: 'verdict ok', 'data-chain': 'valid' }, `哈希链完整：${v.events} 个事件均未被改动。`)
        : h('p', { class: 'verdict broken', 'data-chain': 'broken' },
          `哈希链已断开：自第 ${v.firstBrokenSequence} 号事件起不可信，`
          + `${CHAIN_BREAK[v.reason] || '有事件被改动、删除或插入'}（共 ${v.events} 个事件）。`));
    } catch (e) {
      verdict.replaceChildren();
    } finally {
      button.disabled = false;
    }
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'chain' },
    h('h2', { id: 'chain' }, '防篡改校验'),
    h('p', {}, '按存储的事件重新计算该信函的哈希链，检查是否有事件被改动、删除或插入。'), button, verdict);
}

export async function render(main, ctx) {
  const recent = await api.get(`/api/register${query({ size: 30, sort: 'receivedAt,desc' })}`);
  const letterId = h('input', { name: 'letterId', value: ctx.params[0] || '', required: true, size: 40 });
  const pick = h('select', { name: 'recent' }, h('option', { value: '' }, '（最近登记的信函）'),
    recent.items.map((i) => h('option', { value: i.letterId }, `${i.serialNo} ${i.subject}`)));
  pick.addEventListener('change', () => { if (pick.value) { letterId.value = pick.value; ctx.go(`audit/${pick.value}`); } });
  const form = h('form', { class: 'filters', 'aria-label': '选择信函' }, field('信函 ID', letterId), field('或选择', pick),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, '查看历史')));
  form.addEventListener('submit', (event) => { event.preventDefault(); ctx.go(`audit/${letterId.value.trim()}`); });
  const body = h('div', {});
  main.replaceChildren(h('h1', {}, '审计'), form, body);
  if (!ctx.params[0]) {
    body.replaceChildren(h('p', {}, '选择一件信函，查看它的全部事件，并用滑块查看任一时刻的状态。'));
    return;
  }

  const history = await api.get(`/api/letters/${ctx.params[0]}/history`);
  const chain = ctx.can('AUDITOR') ? chainPanel(ctx.params[0]) : null;
  const slider = h('input', { type: 'range', min: '0', max: String(history.length - 1), value: String(history.length - 1), step: '1', name: 'asOf' });
  const position = h('output', { for: 'as-of-slider', 'aria-live': 'polite' });
  slider.id = 'as-of-slider';
  const state = h('div', { class: 'state' });
  let sequence = 0;
  async function showState() {
    const entry = history[Number(slider.value)];
    position.textContent = `${time(entry.occurredAt)} · 第 ${entry.sequence} 号事件（${entry.type}）之后`;
    sequence += 1;
    const mine = sequence;
    const asOf = await api.get(`/api/letters/${ctx.params[0]}/state${query({ asOf: entry.occurredAt })}`);
    if (mine === sequence) {
      state.replaceChildren(stateView(asOf), h('details', {}, h('summary', {}, '完整状态（JSON）'),
        h('pre', { tabindex: '0' }, JSON.stringify(asOf, null, 2))));
      state.setAttribute('data-as-of', entry.occurredAt);
    }
  }
  slider.addEventListener('input', showState);

  body.replaceChildren(...[chain].filter(Boolean),
    h('section', { class: 'panel', 'aria-labelledby': 'as-of' },
      h('h2', { id: 'as-of' }, '某一时刻的状态'),
      h('div', { class: 'slider' }, h('label', { for: 'as-of-slider' }, '时间'), slider, position),
      state),
    h('section', { class: 'panel', 'aria-labelledby': 'events' },
      h('h2', { id: 'events' }, `全部事件（${history.length}）`),
      table('事件历史', ['序号', '事件', '时间', '操作人', '关联号', '数据'], history.map((e) => h('tr', { 'data-sequence': e.sequence },
        h('td', {}, String(e.sequence)),
        h('td', {}, e.type),
        h('td', {}, time(e.occurredAt)),
        h('td', {}, e.actor && e.actor.user ? `${e.actor.user}（${label(ROLES, e.actor.role)}）` : '系统'),
        h('td', { class: 'mono' }, e.correlationId ? String(e.correlationId).substring(0, 8) : '—'),
        h('td', {}, h('details', {}, h('summary', {}, '数据'), h('pre', {}, JSON.stringify(e.data, null, 2)))))))));
  await showState();
}
