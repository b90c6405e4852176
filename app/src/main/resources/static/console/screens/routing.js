// 分办规则: the routing rules registration applies in order, first match wins (GET /api/admin/routing-rules, any
// staff); administrators add, change, reorder and remove rules and save the list as a whole (PUT, ADMIN).
import { api } from '../api.js';
import { h, select, table, notice, clearProblem } from '../ui.js';
import { CATEGORY, CHANNEL, DEPARTMENT, label } from '../i18n.js';

const DEPARTMENTS = { CUSTOMER_SERVICE: '客服部门', BUSINESS: '业务部门', ADMINISTRATION: '行政部门' };
const KEYWORD_SPLIT = /[,，、\s]+/;

function keywordsText(keywords) {
  return (keywords || []).join('、');
}

function readOnly(rules) {
  return table('分办规则', ['顺序', '规则编号', '类别', '渠道', '关键词（主题或诉求中含任一）', '分配部门'], rules.map((r, i) =>
    h('tr', { 'data-rule': r.id },
      h('td', {}, String(i + 1)), h('td', {}, r.id), h('td', {}, r.category ? label(CATEGORY, r.category) : '任何'),
      h('td', {}, r.channel ? label(CHANNEL, r.channel) : '任何'), h('td', {}, keywordsText(r.keywords) || '任何'),
      h('td', {}, label(DEPARTMENT, r.department)))));
}

/** The rules as an editable table; each row's controls are named for assistive technology by rule and column. */
function editor(rules, save) {
  let rows = rules.map((r) => ({ ...r }));
  const body = h('tbody', {});
  const form = h('form', { class: 'routing-editor', 'aria-label': '编辑分办规则' });

  function control(element, rowNo, column) {
    element.setAttribute('aria-label', `第 ${rowNo} 条规则的${column}`);
    return element;
  }

  function draw() {
    body.replaceChildren(...rows.map((r, i) => {
      const n = i + 1;
      const id = control(h('input', { name: 'id', value: r.id || '', required: true, maxlength: 64, size: 14 }), n, '编号');
      const category = control(select('category', CATEGORY, { empty: '任何', value: r.category || '' }), n, '类别');
      const channel = control(select('channel', CHANNEL, { empty: '任何', value: r.channel || '' }), n, '渠道');
      const keywords = control(h('input', { name: 'keywords', value: keywordsText(r.keywords), size: 18 }), n, '关键词');
      const department = control(select('department', DEPARTMENTS, { value: r.department || 'CUSTOMER_SERVICE' }), n, '分配部门');
      id.addEventListener('input', () => { r.id = id.value.trim(); });
      category.addEventListener('change', () => { r.category = category.value || null; });
      channel.addEventListener('change', () => { r.channel = channel.value || null; });
      keywords.addEventListener('input', () => { r.keywords = keywords.value.split(KEYWORD_SPLIT).filter(Boolean); });
      department.addEventListener('change', () => { r.department = department.value; });
      const move = (delta) => {
        const j = i + delta;
        [rows[i], rows[j]] = [rows[j], rows[i]];
        draw();
      };
      return h('tr', { 'data-rule-row': n },
        h('td', {}, String(n)), h('td', {}, id), h('td', {}, category), h('td', {}, channel), h('td', {}, keywords),
        h('td', {}, department),
        h('td', { class: 'row-actions' },
          h('button', { type: 'button', disabled: i === 0, 'aria-label': `第 ${n} 条上移`, onclick: () => move(-1) }, '上移'),
          h('button', { type: 'button', disabled: i === rows.length - 1, 'aria-label': `第 ${n} 条下移`, onclick: () => move(1) }, '下移'),
          h('button', { type: 'button', 'aria-label': `删除第 ${n} 条`, onclick: () => { rows.splice(i, 1); draw(); } }, '删除')));
    }));
  }
  draw();
  form.append(
    h('div', { class: 'table-wrap', role: 'region', 'aria-label': '分办规则（可编辑）', tabindex: '0' },
      h('table', {}, h('caption', { class: 'visually-hidden' }, '分办规则（可编辑）'),
        h('thead', {}, h('tr', {}, ['顺序', '规则编号', '类别', '渠道', '关键词（顿号或逗号分隔）', '分配部门', '操作']
          .map((text) => h('th', { scope: 'col' }, text)))), body)),
    h('div', { class: 'actions' },
      h('button', { type: 'button', 'data-add-rule': '', onclick: () => {
        rows.push({ id: `rule-${rows.length + 1}`, category: null, channel: null, keywords: [], department: 'CUSTOMER_SERVICE' });
        draw();
        body.lastElementChild.querySelector('input[name=id]').focus();
      } }, '添加规则'),
      h('button', { type: 'submit', class: 'primary' }, '保存规则')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblem();
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      // Omitted category, channel or keywords match anything.
      const saved = await api.put('/api/admin/routing-rules', rows.map((r) => ({
        id: r.id, category: r.category || undefined, channel: r.channel || undefined,
        keywords: (r.keywords || []).length ? r.keywords : undefined, department: r.department,
      })));
      rows = saved.map((r) => ({ ...r }));
      draw();
      await save(saved);
    } catch (e) {
      // shown by the API module
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

export async function render(main, ctx) {
  const rules = await api.get('/api/admin/routing-rules');
  const current = h('section', { class: 'panel', 'aria-labelledby': 'rules-now' },
    h('h2', { id: 'rules-now' }, '现行规则'), readOnly(rules));
  const parts = [h('h1', {}, '分办规则'),
    h('p', {}, '登记时未指定部门的信函按以下规则自动分配：自上而下，第一条符合的规则生效；未填的条件匹配任何信函。规则修改后从下一件登记起适用。'),
    current];
  if (ctx.can('ADMIN')) {
    parts.push(h('section', { class: 'panel', 'aria-labelledby': 'rules-edit' },
      h('h2', { id: 'rules-edit' }, '修改规则'),
      editor(rules, (saved) => {
        current.replaceChildren(h('h2', { id: 'rules-now' }, '现行规则'), readOnly(saved));
        notice(`已保存 ${saved.length} 条分办规则，从下一件登记起适用。`);
      })));
  }
  main.replaceChildren(...parts);
}
