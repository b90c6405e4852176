// Small DOM helpers: every text goes in as text, never as markup.
import { problemText, FINDING_RULE, label } from './i18n.js';

/** h('tag', {attributes and on* listeners}, ...children): an element; strings become text nodes. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value === undefined || value === null || value === false) {
      return;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.substring(2).toLowerCase(), value);
    } else if (name === 'class') {
      element.className = value;
    } else if (name === 'for') {
      element.htmlFor = value;
    } else if (name === 'value') {
      element.value = value;
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, value);
    }
  });
  append(element, children);
  return element;
}

function append(element, children) {
  children.flat(Infinity).forEach((child) => {
    if (child === null || child === undefined || child === false) {
      return;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  });
}

let ids = 0;
/** A labelled form field: the label names the control for assistive technology. */
export function field(text, control, hint) {
  if (!control.id) {
    ids += 1;
    control.id = `f${ids}`;
  }
  const children = [h('label', { for: control.id }, text), control];
  if (hint) {
    ids += 1;
    const hintId = `h${ids}`;
    control.setAttribute('aria-describedby', hintId);
    children.push(h('small', { id: hintId, class: 'hint' }, hint));
  }
  return h('div', { class: 'field' }, children);
}

/** A select of an enum's values with their Chinese names; an empty first option when {@code empty} is given. */
export function select(name, map, { empty, value, required } = {}) {
  const options = [];
  if (empty !== undefined) {
    options.push(h('option', { value: '' }, empty));
  }
  Object.entries(map).forEach(([key, text]) => options.push(h('option', { value: key }, text)));
  const element = h('select', { name, required }, options);
  if (value !== undefined) {
    element.value = value;
  }
  return element;
}

/** A table in a scrollable, keyboard-reachable region. */
export function table(caption, headers, rows) {
  return h('div', { class: 'table-wrap', role: 'region', 'aria-label': caption, tabindex: '0' },
    h('table', {},
      h('caption', { class: 'visually-hidden' }, caption),
      h('thead', {}, h('tr', {}, headers.map((text) => h('th', { scope: 'col' }, text)))),
      h('tbody', {}, rows)));
}

const SHANGHAI = 8 * 3600 * 1000; // the organisation's offset, +08:00 (no daylight saving time)

function shifted(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : new Date(date.getTime() + SHANGHAI);
}

/** "2026-09-30 15:00" in the organisation's time. */
export function time(iso) {
  const d = iso ? shifted(iso) : null;
  return d ? d.toISOString().substring(0, 16).replace('T', ' ') : '—';
}

export function date(iso) {
  const d = iso ? shifted(iso) : null;
  return d ? d.toISOString().substring(0, 10) : '—';
}

/** The value of a datetime-local input (organisation time) as an ISO instant with +08:00. */
export function localInputToIso(value) {
  return value ? `${value.length === 16 ? `${value}:00` : value}+08:00` : null;
}

/** Now, for a datetime-local input, in organisation time, to the minute. */
export function nowForInput() {
  return new Date(Date.now() + SHANGHAI).toISOString().substring(0, 16);
}

export function showProblem(error) {
  const box = document.getElementById('problem');
  if (!box) {
    return;
  }
  const problem = error.problem || { detail: error.message };
  const children = [h('strong', {}, problemText(problem))];
  if (Array.isArray(problem.errors) && problem.errors.length) {
    children.push(h('ul', {}, problem.errors.map((e) => h('li', {}, `${e.field}：${e.message}`))));
  }
  if (Array.isArray(problem.findings) && problem.findings.length) {
    children.push(h('ul', {}, problem.findings.map((f) =>
      h('li', {}, `${label(FINDING_RULE, f.rule)}「${f.text}」（${f.field}）${f.suggestion ? `，建议改为「${f.suggestion}」` : ''}`))));
  }
  children.push(h('button', { type: 'button', class: 'link-button', onclick: clearProblem }, '关闭'));
  box.replaceChildren(...children);
  box.hidden = false;
}

export function clearProblem() {
  const box = document.getElementById('problem');
  if (box) {
    box.hidden = true;
    box.replaceChildren();
  }
}

export function notice(text) {
  const box = document.getElementById('notice');
  if (box) {
    box.textContent = text;
    box.hidden = false;
  }
}

export function clearNotice() {
  const box = document.getElementById('notice');
  if (box) {
    box.hidden = true;
    box.textContent = '';
  }
}

/** The values of a form's named controls; checkboxes as booleans, empty strings dropped. */
export function formValues(form) {
  const values = {};
  Array.from(form.elements).forEach((control) => {
    if (!control.name) {
      return;
    }
    if (control.type === 'checkbox') {
      values[control.name] = control.checked;
    } else if (control.value !== '') {
      values[control.name] = control.value;
    }
  });
  return values;
}

/** A collapsible action with its form; {@code submit} gets the form's values and may return a promise. */
export function action(title, controls, submit, { open = false, buttonText = '提交', testId } = {}) {
  const form = h('form', { class: 'action-form', 'data-action': testId },
    controls,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, buttonText)));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      clearProblem();
      await submit(formValues(form), form);
    } catch (e) {
      if (!(e && e.problem)) {
        showProblem(e);
      }
    } finally {
      button.disabled = false;
    }
  });
  return h('details', { class: 'action', open, 'data-action': testId }, h('summary', {}, title), form);
}

/** Fills a pager: previous / page x of y / next; {@code state.page} changes and {@code load} runs again. */
export function pager(nav, state, total, load) {
  const pages = Math.max(1, Math.ceil(total / state.size));
  nav.replaceChildren(
    h('button', { type: 'button', disabled: state.page === 0, onclick: () => { state.page -= 1; load(); } }, '上一页'),
    h('span', {}, `第 ${state.page + 1} / ${pages} 页`),
    h('button', { type: 'button', disabled: state.page + 1 >= pages, onclick: () => { state.page += 1; load(); } }, '下一页'));
}
