// The only module that calls fetch. It adds the token, sends idempotency keys, turns every answer
// into data or an ApiError carrying the server's own message, ends the session on 401, reads
// Retry-After on 429, and keeps the store's online/slow flags true to what the network does.
import { store, signOut, replaceToken } from './store.js';

const SLOW_AFTER_MS = 2500;
const TIMEOUT_MS = 15000;

/** A refusal or failure, with the message to show in place. */
export class ApiError extends Error {
  constructor(status, message, { retryAfter = null, network = false } = {}) {
    super(message);
    this.status = status;
    this.retryAfter = retryAfter;
    this.network = network;
  }
}

/** A fresh idempotency key: kept by the caller until the answer is definite. */
export function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

let waiting = 0;

async function call(method, path, { body, key, etag, auth = true } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (auth && store.token) headers.Authorization = `Bearer ${store.token}`;
  if (key) headers['Idempotency-Key'] = key;
  if (etag) headers['If-None-Match'] = etag;
  const abort = new AbortController();
  const timeout = setTimeout(() => abort.abort(), TIMEOUT_MS);
  const slow = setTimeout(() => { store.slow = true; }, SLOW_AFTER_MS);
  waiting += 1;
  let res;
  try {
    res = await fetch(`/api${path}`, {
      method, headers, cache: 'no-store', signal: abort.signal, credentials: 'omit',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    store.online = false;
    throw new ApiError(0, 'No connection to the bank. Check the Wi-Fi and try again.', { network: true });
  } finally {
    clearTimeout(timeout);
    clearTimeout(slow);
    waiting -= 1;
    if (waiting === 0) store.slow = false;
  }
  store.online = true;
  if (res.status === 304) return { notModified: true, etag };
  const data = await res.json().catch(() => ({}));
  if (res.ok) {
    const tag = res.headers.get('ETag');
    return tag ? { ...data, etag: tag } : data;
  }
  if (res.status === 401 && auth && store.token) {
    signOut('Your session ended. Please log in again.');
  }
  if (res.status === 429) {
    const wait = Number.parseInt(res.headers.get('Retry-After') ?? '', 10) || 30;
    throw new ApiError(429, `Too many requests. Try again in ${wait} s.`, { retryAfter: wait });
  }
  throw new ApiError(res.status, data.error ?? `The bank answered ${res.status}.`);
}

/** The same call for the GM screens' own table of routes (js/screens/admin/adminApi.js). */
export const request = call;

/** A file the bank sends (a backup): fetched with the token, handed to the browser as a download. */
export async function download(path, filename) {
  const res = await fetch(`/api${path}`, {
    headers: { Authorization: `Bearer ${store.token}`, Accept: 'application/octet-stream, application/json' },
    cache: 'no-store', credentials: 'omit',
  }).catch(() => {
    throw new ApiError(0, 'No connection to the bank. Check the Wi-Fi and try again.', { network: true });
  });
  if (!res.ok) {
    const data = await res.json().catch(() => ({}));
    throw new ApiError(res.status, data.error ?? `The bank answered ${res.status}.`);
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export const q = (params) => new URLSearchParams(Object.entries(params).filter(([, v]) => v != null && v !== '')).toString();

export const api = {
  /** "open", "code" or "closed"; "open" while the server has no such route (404). */
  async registrationMode() {
    try {
      return (await call('GET', '/v1/auth/registration', { auth: false })).mode ?? 'open';
    } catch (e) {
      if (e.status === 404) return 'open';
      throw e;
    }
  },
  register: (body) => call('POST', '/v1/auth/register', { body, auth: false }),
  login: (characterName, password) =>
    call('POST', '/v1/auth/login', { body: { character_name: characterName, password }, auth: false }),
  /** The account; with an ETag, {notModified: true} when nothing changed. */
  account: (etag) => call('GET', '/v1/account', { etag }),
  history: (before, limit = 20) => call('GET', `/v1/account/transactions?${q({ limit, before })}`),
  search: (text) => call('GET', `/v1/account/transactions/search?${q({ q: text, limit: 50 })}`),
  lookup: (account) => call('GET', `/v1/accounts/${encodeURIComponent(account)}`),
  send: (body, key) => call('POST', '/v1/transactions', { body, key }),
  profile: (body) => call('PUT', '/v1/account/profile', { body }),
  async password(currentPassword, newPassword) {
    const r = await call('PUT', '/v1/account/password',
      { body: { current_password: currentPassword, new_password: newPassword } });
    replaceToken(r.access_token);
    return r;
  },
  pin: (pin, currentPassword) => call('PUT', '/v1/account/pin', { body: { pin, current_password: currentPassword } }),
  chips: () => call('GET', '/v1/chips'),
  blockChip: (id) => call('POST', `/v1/chips/${encodeURIComponent(id)}/block`),
  games: () => call('GET', '/v1/casino/games'),
  spin: (route, betAmount, key) => call('POST', `/v1/casino/${route}/spin`, { body: { bet_amount: betAmount }, key }),
  spins: (before) => call('GET', `/v1/casino/spins?${q({ limit: 20, before })}`),
  spinRecord: (id) => call('GET', `/v1/casino/spins/${encodeURIComponent(id)}`),
  reels: (game, payout) => call('GET', `/v1/casino/games/${game}/reels?${q({ payout })}`),
  fairness: () => call('GET', '/v1/casino/fairness'),
  setClientSeed: (clientSeed) => call('PUT', '/v1/casino/fairness', { body: { client_seed: clientSeed } }),
  rotateSeed: () => call('POST', '/v1/casino/fairness/rotate'),
  leaderboards: () => call('GET', '/v1/leaderboards'),
  leaderboardOptOut: (optOut) => call('PUT', '/v1/leaderboards/opt-out', { body: { opt_out: optOut } }),
};
