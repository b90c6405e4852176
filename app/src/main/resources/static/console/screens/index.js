// The console's screens. Adding a screen is adding an entry here and a module beside this file that exports
// render(main, ctx); ctx = { me, can(...roles), params, query, onLeave(cleanup), go(path) }.

export const STAFF = ['CLERK', 'HANDLER', 'REVIEWER', 'SUPERVISOR', 'DIRECTOR', 'LEGAL', 'ARCHIVIST', 'AUDITOR', 'ADMIN'];

export const SCREENS = [
  { path: 'work', title: '我的工作', roles: STAFF, load: () => import('./work.js') },
  { path: 'register', title: '信函登记表', roles: STAFF, load: () => import('./register.js') },
  { path: 'registration', title: '登记', roles: ['CLERK'], load: () => import('./registration.js') },
  { path: 'letters', title: '信函', roles: STAFF, hidden: true, load: () => import('./letter.js') },
  { path: 'senders', title: '客户档案', roles: STAFF, load: () => import('./senders.js') },
  { path: 'disputes', title: '争议处理记录簿', roles: STAFF, load: () => import('./disputes.js') },
  { path: 'commitments', title: '承诺', roles: STAFF, load: () => import('./commitments.js') },
  { path: 'spot-checks', title: '抽查', roles: STAFF, load: () => import('./spotchecks.js') },
  { path: 'quality', title: '质量分析', roles: ['SUPERVISOR', 'DIRECTOR', 'AUDITOR'], load: () => import('./quality.js') },
  { path: 'audit', title: '审计', roles: ['AUDITOR', 'SUPERVISOR'], load: () => import('./audit.js') },
  { path: 'access', title: '个人信息查阅记录', roles: ['AUDITOR'], load: () => import('./access.js') },
  { path: 'calendar', title: '日历', roles: ['ADMIN'], load: () => import('./calendar.js') },
  // Read by every role that registers or assigns letters; changed by administrators only.
  { path: 'routing-rules', title: '分办规则', roles: ['ADMIN', 'CLERK', 'SUPERVISOR'], load: () => import('./routing.js') },
  // Still to come: supervision levels on the work list.
];
