// The live balance: while the app is on screen, ask the bank every 2 s whether the account changed,
// with If-None-Match — an unchanged account costs one tiny 304 and no JSON. Money that arrives
// shows within 3 s without a reload. Hidden tabs stop asking; coming back asks at once.
import { watch } from 'vue';
import { api } from './api.js';
import { store, setUser, noteActivity, toast } from './store.js';
import { credits } from './format.js';

const EVERY_MS = 2000;
const OFFLINE_EVERY_MS = 5000;
let etag = null;
let timer = null;
let running = false;

/** Fetches the account now; true when it changed. Used on start, by screens after an action, and by the loop. */
export async function refreshAccount() {
  if (!store.token) return false;
  const before = store.user;
  const r = await api.account(etag);
  if (r.notModified) return false;
  etag = r.etag ?? null;
  setUser(r.account);
  if (before && r.account.balance !== before.balance) {
    noteActivity();
    const delta = Number(r.account.balance) - Number(before.balance);
    if (delta > 0) {
      toast(`Received ${credits(delta)}`);
      navigator.vibrate?.(80);
    }
  }
  return true;
}

async function tick() {
  timer = null;
  if (!running || !store.token) return;
  if (document.visibilityState === 'visible') {
    try {
      await refreshAccount();
    } catch {
      // The offline bar (store.online) says what is wrong; the loop keeps trying.
    }
  }
  schedule(store.online ? EVERY_MS : OFFLINE_EVERY_MS);
}

function schedule(ms) {
  clearTimeout(timer);
  if (running) timer = setTimeout(tick, ms);
}

export function startLive() {
  if (running) return;
  running = true;
  etag = null;
  schedule(0);
}

export function stopLive() {
  running = false;
  etag = null;
  clearTimeout(timer);
}

// A request that failed on the network marks the app offline: check again soon, not in 5 s.
watch(() => store.online, (online) => {
  if (!online && running) schedule(1000);
});

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible' && running) schedule(0);
});
addEventListener('online', () => { if (running) schedule(0); });
