// The draft editor of a letter's page: the wording check runs while typing (POST /api/wording-check, which records
// nothing) and its findings are highlighted in place; submitting records the draft (POST …/drafts).
import { api } from '../api.js';
import { h, field, clearProblem } from '../ui.js';
import { FINDING_RULE, label } from '../i18n.js';

const lines = (text) => text.split('\n').map((line) => line.trim()).filter(Boolean);

/** The editor's text as a draft body: one point, glossary entry (术语：解释) or alternative per line. */
function content(form) {
  return {
    salutation: form.elements.salutation.value.trim() || undefined,
    summary: form.elements.summary.value.trim(),
    points: lines(form.elements.points.value),
    glossary: lines(form.elements.glossary.value).map((line) => {
      const at = line.search(/[：:]/);
      return at < 0 ? { term: line, explanation: '' } : { term: line.substring(0, at), explanation: line.substring(at + 1) };
    }),
    alternatives: lines(form.elements.alternatives.value),
  };
}

/** The texts the checker saw, by the field names its findings use. */
function checkedTexts(body) {
  const texts = [['salutation', '称呼', body.salutation || ''], ['summary', '问题概述', body.summary]];
  body.points.forEach((p, i) => texts.push([`points[${i}]`, `答复要点 ${i + 1}`, p]));
  body.glossary.forEach((g, i) => texts.push([`glossary[${i}]`, `术语解释 ${i + 1}`, `${g.term}：${g.explanation}`]));
  body.alternatives.forEach((a, i) => texts.push([`alternatives[${i}]`, `方案 ${String.fromCharCode(65 + i)}`, a]));
  return texts;
}

function highlighted(text, findings) {
  const parts = [];
  let at = 0;
  findings.slice().sort((a, b) => a.position - b.position).forEach((f) => {
    if (f.position < at) {
      return;
    }
    parts.push(text.substring(at, f.position));
    parts.push(h('mark', { class: `finding ${f.rule.toLowerCase()}`, 'data-rule': f.rule,
      title: `${label(FINDING_RULE, f.rule)}${f.suggestion ? `，建议改为「${f.suggestion}」` : ''}` },
    text.substring(f.position, f.position + f.text.length)));
    at = f.position + f.text.length;
  });
  parts.push(text.substring(at));
  return parts;
}

export function draftEditor(letter, onDrafted) {
  const latest = letter.drafts[letter.drafts.length - 1];
  const c = latest ? latest.content : null;
  const form = h('form', { class: 'draft-form', 'aria-label': '撰写答复', 'data-action': 'draft' },
    field('称呼（答复函写作「尊敬的…：」）', h('input', { name: 'salutation', value: c ? c.salutation || '' : (letter.sender ? letter.sender.name : '') })),
    field('问题概述', h('textarea', { name: 'summary', rows: 3, required: true }, c ? c.summary : '')),
    field('答复要点（每行一条）', h('textarea', { name: 'points', rows: 5, required: true }, c ? c.points.join('\n') : '')),
    field('术语解释（每行「术语：解释」）', h('textarea', { name: 'glossary', rows: 2 },
      c ? c.glossary.map((g) => `${g.term}：${g.explanation}`).join('\n') : '')),
    field('备选方案（复杂问题至少两个，每行一个）', h('textarea', { name: 'alternatives', rows: 2 }, c ? c.alternatives.join('\n') : '')),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, '提交草稿')));
  const check = h('section', { class: 'wording-check', 'aria-label': '措辞检查', 'aria-live': 'polite' });

  let timer = null;
  let sequence = 0;
  async function runCheck() {
    const body = content(form);
    sequence += 1;
    const mine = sequence;
    const result = await api.post('/api/wording-check', body, { quiet: true }).catch(() => null);
    if (!result || mine !== sequence) {
      return;
    }
    const byField = {};
    result.findings.forEach((f) => { (byField[f.field] = byField[f.field] || []).push(f); });
    check.setAttribute('data-findings', String(result.findings.length));
    check.replaceChildren(
      h('h3', {}, result.findings.length ? `措辞检查：发现 ${result.findings.length} 处问题` : '措辞检查：未发现问题'),
      h('dl', {}, checkedTexts(body).filter(([, , text]) => text).map(([name, title, text]) => [
        h('dt', {}, title), h('dd', {}, highlighted(text, byField[name] || []))])),
      result.findings.length ? h('ul', { class: 'findings' }, result.findings.map((f) =>
        h('li', {}, `${label(FINDING_RULE, f.rule)}「${f.text}」${f.suggestion ? `→ 建议改为「${f.suggestion}」` : ''}`))) : null);
  }
  form.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(runCheck, 250);
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblem();
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const result = await api.post(`/api/letters/${letter.letterId}/drafts`, content(form));
      await onDrafted(result);
    } catch (e) {
      // shown by the API module
    } finally {
      button.disabled = false;
    }
  });
  runCheck();
  return h('div', { class: 'editor' }, form, check);
}
