// The GM's calls, by section, through api.js (token, idempotency keys, error shape, 401 and 429).
// The server refuses every one of them to a player; the router never loads these screens for one.
import { request as call, q, download } from '../../api.js';

const acct = (n) => encodeURIComponent(n);

export const adminApi = {
  // Users
  searchUsers: (text) => call('GET', `/admin/users/search?${q({ q: text })}`),
  user: (account) => call('GET', `/admin/users/${acct(account)}`),
  userHistory: (account, limit, offset) => call('GET', `/admin/transactions?${q({ account, limit, offset })}`),
  createUser: (body) => call('POST', '/admin/users', { body }),
  importUsers: (csv) => call('POST', '/admin/users/import', { body: { csv } }),
  adjust: (account, amount, reason, key) => call('POST', `/admin/users/${acct(account)}/adjust-balance`, { body: { amount, reason }, key }),
  freeze: (account, reason) => call('POST', `/admin/users/${acct(account)}/freeze`, { body: { reason } }),
  unfreeze: (account, reason) => call('POST', `/admin/users/${acct(account)}/unfreeze`, { body: { reason } }),
  resetPassword: (account, newPassword) => call('POST', `/admin/users/${acct(account)}/reset-password`, { body: { new_password: newPassword } }),
  toggleGm: (account) => call('POST', `/admin/users/${acct(account)}/toggle-admin`),
  // Factions
  factions: () => call('GET', '/admin/factions/list'),
  createFaction: (name, description) => call('POST', '/admin/factions/create', { body: { name, description } }),
  grantFaction: (faction, amount, reason, key) => call('POST', `/admin/factions/${encodeURIComponent(faction)}/add-credits`, { body: { amount, reason }, key }),
  // Terminals
  keys: () => call('GET', '/admin/api-keys'),
  createKey: (body) => call('POST', '/admin/api-keys', { body }),
  revokeKey: (id) => call('DELETE', `/admin/api-keys/${encodeURIComponent(id)}`),
  // Casino
  casinoConfig: () => call('GET', '/admin/casino/config'),
  parSheet: (game, payout) => call('GET', `/admin/casino/par/${encodeURIComponent(game)}?${q({ payout })}`),
  saveCasino: (game, patch) => call('PUT', `/admin/casino/config/${encodeURIComponent(game)}`, { body: patch }),
  // Activity
  transactions: (limit, offset) => call('GET', `/admin/transactions?${q({ limit, offset })}`),
  transactionsAfter: (afterId, limit = 100) => call('GET', `/admin/transactions?${q({ after_id: afterId, limit })}`),
  audit: (limit, offset) => call('GET', `/admin/audit-logs?${q({ limit, offset })}`),
  verify: () => call('GET', '/admin/ledger/verify'),
  // Backups
  backups: () => call('GET', '/admin/backups'),
  takeBackup: () => call('POST', '/admin/backups'),
  downloadBackup: (name) => download(`/admin/backups/${encodeURIComponent(name)}`, name),
  // Dashboard
  stats: () => call('GET', '/admin/stats'),
  series: (from, to, step) => call('GET', `/admin/stats/series?${q({ from, to, step })}`),
  // Reversals (from a user's history and the Activity feed)
  reverse: (id, reason, key) => call('POST', `/admin/transactions/${encodeURIComponent(id)}/reverse`, { body: { reason }, key }),
  // Stipends
  stipends: () => call('GET', '/admin/stipends'),
  stipend: (id) => call('GET', `/admin/stipends/${encodeURIComponent(id)}`),
  createStipend: (body) => call('POST', '/admin/stipends', { body }),
  editStipend: (id, body) => call('PUT', `/admin/stipends/${encodeURIComponent(id)}`, { body }),
  pauseStipend: (id) => call('POST', `/admin/stipends/${encodeURIComponent(id)}/pause`),
  resumeStipend: (id) => call('POST', `/admin/stipends/${encodeURIComponent(id)}/resume`),
  deleteStipend: (id) => call('DELETE', `/admin/stipends/${encodeURIComponent(id)}`),
  runDueStipends: () => call('POST', '/admin/stipends/run-due'),
  // Leaderboards (GMs always get the boards; the switch says whether players do)
  leaderboards: () => call('GET', '/v1/leaderboards'),
  setLeaderboards: (enabled) => call('PUT', '/admin/leaderboards', { body: { enabled } }),
  // Faction requests and membership
  factionRequests: () => call('GET', '/admin/factions/requests'),
  setMember: (account, faction) => call('PUT', `/admin/factions/members/${acct(account)}`, { body: { faction } }),
  rejectRequest: (account) => call('DELETE', `/admin/factions/requests/${acct(account)}`),
  // Chips (NFC tags), on a user's page
  chips: (account) => call('GET', `/admin/chips?${q({ account_number: account })}`),
  linkChip: (body) => call('POST', '/admin/chips', { body }),
  blockChip: (id) => call('POST', `/admin/chips/${encodeURIComponent(id)}/block`),
  unblockChip: (id) => call('POST', `/admin/chips/${encodeURIComponent(id)}/unblock`),
  chipLimits: (id, body) => call('PUT', `/admin/chips/${encodeURIComponent(id)}/limits`, { body }),
  unlinkChip: (id) => call('DELETE', `/admin/chips/${encodeURIComponent(id)}`),
};
