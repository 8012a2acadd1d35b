// Hash routing (#/bank, #/pay?to=…): the server serves one page, so a printed pay link or a reload
// always lands in the app. Routes and tabs are tables that later features extend without touching
// the screens here: the GM screens live in js/screens/admin/, push their routes with `gm: true`
// (e.g. { path: '/admin/users', load: () => import('./screens/admin/Users.js'), auth: true, gm: true,
// tab: 'admin' }) and a tab { id: 'admin', to: '/admin', label: 'Admin', icon: …, gm: true }.
import { reactive, markRaw } from 'vue';
import { store } from './store.js';
import { refreshAccount } from './live.js';
import { adminRoutes } from './screens/admin/sections.js';

/**
 * path: the hash path; load: the screen module (loaded on first visit, so the first load carries
 * only the log-in screen); auth: needs a session; gm: only for GMs; tab: which tab is lit; title.
 */
export const routes = [
  { path: '/login', load: () => import('./screens/Login.js'), title: 'Log in' },
  { path: '/bank', load: () => import('./screens/Bank.js'), auth: true, tab: 'bank', title: 'Bank' },
  { path: '/send', load: () => import('./screens/Send.js'), auth: true, tab: 'bank', title: 'Send' },
  { path: '/pay', load: () => import('./screens/Send.js'), auth: true, tab: 'bank', title: 'Pay' },
  { path: '/receive', load: () => import('./screens/Receive.js'), auth: true, tab: 'bank', title: 'Receive' },
  { path: '/request', load: () => import('./screens/Request.js'), auth: true, tab: 'bank', title: 'Payment request' },
  { path: '/casino', load: () => import('./screens/Casino.js'), auth: true, tab: 'casino', title: 'Casino' },
  { path: '/casino/glitch-grid', load: () => import('./screens/casino/GlitchGrid.js'), auth: true, tab: 'casino', title: 'Glitch Grid' },
  { path: '/casino/starlight-smuggler', load: () => import('./screens/casino/StarlightSmuggler.js'), auth: true, tab: 'casino', title: 'Starlight Smuggler' },
  { path: '/casino/fairness', load: () => import('./screens/casino/Fairness.js'), auth: true, tab: 'casino', title: 'Fairness' },
  { path: '/leaderboards', load: () => import('./screens/Leaderboards.js'), auth: true, tab: 'casino', title: 'Leaderboards' },
  { path: '/profile', load: () => import('./screens/Profile.js'), auth: true, tab: 'profile', title: 'Profile' },
  ...adminRoutes,
];

/** The bottom tab bar; `gm: true` entries show only to GMs; icon names come from components/Icon.js. */
export const tabs = [
  { id: 'bank', to: '/bank', label: 'Bank', icon: 'bank' },
  { id: 'casino', to: '/casino', label: 'Casino', icon: 'casino' },
  { id: 'profile', to: '/profile', label: 'Profile', icon: 'profile' },
  { id: 'admin', to: '/admin', label: 'Admin', icon: 'admin', gm: true },
];

export const HOME = '/bank';

/** The current route: its definition, path, query and the loaded screen component. */
export const current = reactive({ path: '', query: new URLSearchParams(), def: null, screen: null, loading: true, failed: null });

function parse() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, search = ''] = raw.split('?');
  return { path: path.length > 1 ? path.replace(/\/+$/, '') : path, query: new URLSearchParams(search), raw };
}

export function go(path, query = null) {
  const target = query ? `${path}?${new URLSearchParams(query)}` : path;
  if (location.hash === `#${target}`) resolve();
  else location.hash = target;
}

let generation = 0;

export async function resolve() {
  const { path, query, raw } = parse();
  const def = routes.find((r) => r.path === path);
  if (!def) return go(store.token ? HOME : '/login');
  if (def.auth && !store.token) {
    store.afterLogin = raw;
    return go('/login');
  }
  if (def.path === '/login' && store.token) return go(HOME);
  if (def.gm) {
    // After a reload the account may not be known yet: ask before deciding; players go home.
    if (!store.user) await refreshAccount().catch(() => {});
    if (!store.user?.is_admin) return go(HOME);
  }
  const mine = ++generation;
  current.loading = current.def?.load !== def.load;
  current.failed = null;
  current.path = path;
  current.query = query;
  current.def = def;
  document.title = `${def.title} · NeoBank`;
  try {
    const mod = await def.load();
    if (mine !== generation) return;
    current.screen = markRaw(mod.default);
  } catch {
    if (mine === generation) current.failed = 'This screen could not load. Check the connection and try again.';
  } finally {
    if (mine === generation) current.loading = false;
  }
}

/** After logging in: the pay link that sent us to log in, or the bank. */
export function continueAfterLogin() {
  const next = store.afterLogin;
  store.afterLogin = null;
  if (next && !next.startsWith('/login')) location.hash = next;
  else go(HOME);
}

addEventListener('hashchange', resolve);
