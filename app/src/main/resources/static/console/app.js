// The console's shell: who is signed in, the navigation their roles allow, and a hash router over the screens.
import { api, csrfToken } from './api.js';
import { h, clearProblem, clearNotice, showProblem } from './ui.js';
import { ROLES } from './i18n.js';
import { SCREENS } from './screens/index.js';

let me = null;
let cleanups = [];
let routing = 0; // the latest route; an earlier one still loading does not mark the page as drawn

function can(...roles) {
  return roles.some((role) => me.roles.includes(role));
}

function visibleScreens() {
  return SCREENS.filter((screen) => can(...screen.roles));
}

function parseHash() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, search] = hash.split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { parts, query: new URLSearchParams(search || '') };
}

function go(path) {
  location.hash = `#/${path}`;
}

function renderNav(current) {
  const nav = document.getElementById('nav');
  nav.replaceChildren(h('ul', {}, visibleScreens().filter((s) => !s.hidden).map((screen) =>
    h('li', {}, h('a', {
      href: `#/${screen.path}`,
      'aria-current': screen.path === current ? 'page' : undefined,
    }, screen.title)))));
}

async function route() {
  routing += 1;
  const mine = routing;
  performance.mark('letterdesk:route');
  cleanups.forEach((cleanup) => cleanup());
  cleanups = [];
  clearProblem();
  clearNotice();
  const { parts, query } = parseHash();
  const screen = visibleScreens().find((s) => s.path === parts[0]);
  if (!screen) {
    go(visibleScreens()[0].path);
    return;
  }
  renderNav(screen.path);
  const main = document.getElementById('main');
  main.replaceChildren(h('p', { class: 'loading' }, '正在加载…'));
  document.title = `${screen.title} · 信函答复工作台`;
  try {
    const module = await screen.load();
    await module.render(main, {
      me, can, query, go, params: parts.slice(1),
      onLeave: (cleanup) => cleanups.push(cleanup),
      setTitle: (title) => { document.title = `${title} · 信函答复工作台`; },
    });
  } catch (e) {
    if (!e.problem) {
      showProblem(e);
    }
  }
  if (mine === routing) {
    main.setAttribute('data-screen', screen.path);
    // For the benchmark harness: the time from navigation (or from this route's start) until the screen is drawn.
    performance.mark('letterdesk:drawn', { detail: screen.path });
  }
}

async function logout() {
  await fetch('/logout', { method: 'POST', headers: { 'X-XSRF-TOKEN': csrfToken() }, credentials: 'same-origin' });
  location.assign('/login?logout');
}

async function start() {
  me = await api.get('/api/me');
  document.getElementById('who').textContent =
    `${me.user}（${me.roles.map((role) => ROLES[role] || role).join('、')}）`;
  document.getElementById('logout').addEventListener('click', logout);
  window.addEventListener('hashchange', route);
  await route();
}

start();
