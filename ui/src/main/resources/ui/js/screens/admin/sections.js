// The GM screens, in one list: the "Admin" tab opens the first, the section bar shows them in this
// order, and the router gets one GM-only route per entry. A new GM screen is one module in this
// folder and one line here (plus any sub-pages in `pages`).
export const sections = [
  { id: 'users', label: 'Users', path: '/admin/users', load: () => import('./Users.js') },
  { id: 'factions', label: 'Factions', path: '/admin/factions', load: () => import('./Factions.js') },
  { id: 'terminals', label: 'Terminals', path: '/admin/terminals', load: () => import('./Terminals.js') },
  { id: 'casino', label: 'Casino', path: '/admin/casino', load: () => import('./Casino.js') },
  { id: 'activity', label: 'Activity', path: '/admin/activity', load: () => import('./Activity.js') },
  { id: 'backups', label: 'Backups', path: '/admin/backups', load: () => import('./Backups.js') },
  { id: 'dashboard', label: 'Dashboard', path: '/admin/dashboard', load: () => import('./Dashboard.js') },
  { id: 'stipends', label: 'Stipends', path: '/admin/stipends', load: () => import('./Stipends.js') },
  { id: 'leaderboards', label: 'Leaderboards', path: '/admin/leaderboards', load: () => import('./Leaderboards.js') },
];

/** Pages inside a section (not in the section bar); `section` says which one is lit. */
export const pages = [
  { path: '/admin/user', section: 'users', title: 'User', load: () => import('./User.js') },
];

/** The router's entries: every one needs a session and a GM (the router checks before loading). */
export const adminRoutes = [
  { path: '/admin', load: sections[0].load, section: sections[0].id, title: sections[0].label },
  ...sections.map((s) => ({ path: s.path, load: s.load, section: s.id, title: s.label })),
  ...pages,
].map((r) => ({ ...r, auth: true, gm: true, tab: 'admin' }));
