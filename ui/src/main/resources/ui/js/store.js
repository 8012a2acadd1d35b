// The one reactive store: who is signed in, what the bank last told us, and the network's state.
// Screens read it; only api.js, live.js and the session functions below write to it.
import { reactive } from 'vue';

const TOKEN = 'neobank.token';
const LAST = 'neobank.last';

function lastKnown() {
  try {
    return JSON.parse(localStorage.getItem(LAST) ?? 'null');
  } catch {
    return null;
  }
}

export const store = reactive({
  token: localStorage.getItem(TOKEN),
  /** The API's `user` object; null until the first answer. */
  user: null,
  /** What we last saw (name, balance, when), kept to show something useful when offline. */
  last: lastKnown(),
  online: navigator.onLine,
  /** A request has been waiting long enough that the player should know. */
  slow: false,
  /** Bumped whenever a new journal row may exist (live balance change, own send or spin). */
  activity: 0,
  /** A short message for the toast region (copy done, payment arrived). */
  toast: null,
  /** The route to continue to after logging in (e.g. a pay link opened while logged out). */
  afterLogin: null,
  /** Set when a 401 ended the session, so the log-in screen can say why. */
  sessionEnded: null,
});

export function signIn(token, user) {
  localStorage.setItem(TOKEN, token);
  store.token = token;
  store.sessionEnded = null;
  store.toast = null;
  setUser(user);
}

/** Drops the token everywhere: on "Log out" and on any 401. */
export function signOut(reason = null) {
  localStorage.removeItem(TOKEN);
  localStorage.removeItem(LAST);
  store.token = null;
  store.user = null;
  store.last = null;
  store.sessionEnded = reason;
}

export function replaceToken(token) {
  localStorage.setItem(TOKEN, token);
  store.token = token;
}

export function setUser(user) {
  store.user = user;
  store.last = { name: user.character_name, account: user.account_number, balance: user.balance, at: new Date().toISOString() };
  localStorage.setItem(LAST, JSON.stringify(store.last));
}

let toastTimer = null;
export function toast(text) {
  store.toast = text;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { store.toast = null; }, 3500);
}

export function noteActivity() {
  store.activity += 1;
}

addEventListener('online', () => { store.online = true; });
addEventListener('offline', () => { store.online = false; });
