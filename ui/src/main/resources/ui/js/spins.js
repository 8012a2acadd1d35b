// The player's recent spins on this phone, newest first, so the fairness panel can offer
// "verify" on each once its seed is revealed (any other spin can be checked by its number).
import { store } from './store.js';

const MAX = 40;
const key = () => `neobank.spins.${store.user?.account_number ?? 'anon'}`;

export function recentSpins() {
  try {
    return JSON.parse(localStorage.getItem(key()) ?? '[]');
  } catch {
    return [];
  }
}

export function rememberSpin(game, r) {
  const entry = {
    id: r.spin_id, game, nonce: r.nonce, hash: r.server_seed_hash, win: r.win_amount,
    bet: r.total_bet ?? r.bet, at: new Date().toISOString(),
  };
  const list = [entry, ...recentSpins().filter((s) => s.id !== entry.id)].slice(0, MAX);
  localStorage.setItem(key(), JSON.stringify(list));
}
