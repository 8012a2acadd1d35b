// How money, time and journal rows read everywhere in the app: one credit symbol, two decimals,
// thousands separators, tabular figures (the CSS class "num").
export const CREDIT = '₡';

const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 1234.5 → "₡1,234.50"; signed adds + or − (a real minus sign, read out as "minus"). */
export function credits(amount, { signed = false } = {}) {
  const n = Number(amount);
  if (!Number.isFinite(n)) return `${CREDIT}—`;
  const text = `${CREDIT}${money.format(Math.abs(n))}`;
  if (!signed) return n < 0 ? `−${text}` : text;
  return n < 0 ? `−${text}` : `+${text}`;
}

/** The amount typed by a player as a number with at most two decimals, or null. */
export function parseAmount(text) {
  const t = String(text ?? '').trim().replace(/,/g, '');
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(t)) return null;
  const n = Number(t);
  return n > 0 ? n : null;
}

const timeOnly = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
const dayAndTime = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** "just now", "4 min ago", "14:05", "3 Jun, 14:05". */
export function when(iso, now = Date.now()) {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const s = Math.round((now - t) / 1000);
  if (s < 45) return 'just now';
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (new Date(t).toDateString() === new Date(now).toDateString()) return timeOnly.format(t);
  return dayAndTime.format(t);
}

export function fullTime(iso) {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : new Date(t).toLocaleString('en-GB');
}

/** Why credits moved, in the game's words, with an icon that is decoration only. */
export const TX_TYPES = {
  transfer: { label: 'Transfer', icon: '⇄' },
  casino_bet: { label: 'Spin', icon: '🎰' },
  casino_win: { label: 'Casino win', icon: '✦' },
  admin_adjustment: { label: 'GM adjustment', icon: '⚙' },
  external: { label: 'Terminal', icon: '▣' },
  faction_grant: { label: 'Faction grant', icon: '⚑' },
  genesis: { label: 'Starting credits', icon: '◆' },
  import_adjustment: { label: 'Balance carried over', icon: '◆' },
  reversal: { label: 'Reversal', icon: '↩' },
  stipend: { label: 'Stipend', icon: '✚' },
  payment_request: { label: 'QR payment', icon: '▦' },
};

/** The casino writes the game's name as the memo of its rows. */
export const GAME_TITLES = { glitch_grid: 'Glitch Grid', starlight_smuggler: 'Starlight Smuggler' };

/** A journal row from the player's side: who was on the other end, in or out, and what kind. */
export function describe(tx, myAccount) {
  const incoming = tx.to_account === myAccount;
  const type = TX_TYPES[tx.type] ?? { label: tx.type, icon: '•' };
  let label = type.label;
  if (tx.type === 'external') label = incoming ? 'Terminal payment' : 'Terminal charge';
  return {
    incoming,
    who: incoming ? tx.from_name : tx.to_name,
    whoAccount: incoming ? tx.from_account : tx.to_account,
    label,
    icon: type.icon,
    // The starting credits' memo only repeats the label; a reversal's memo names the row it undoes,
    // which the link below says already, so only the GM's reason is left.
    memo: tx.type === 'genesis' ? '' : tx.type === 'reversal' ? reversalReason(tx.memo) : GAME_TITLES[tx.memo] ?? tx.memo,
    // Reversals are linked both ways: the undone row and the row that undid it.
    reversed: tx.reversed_by != null,
    link: tx.reversed_by != null
      ? { text: `Reversed by a GM (#${tx.reversed_by})`, id: tx.reversed_by }
      : tx.reversal_of != null ? { text: `Reverses #${tx.reversal_of}`, id: tx.reversal_of } : null,
  };
}

function reversalReason(memo) {
  return String(memo ?? '').replace(/^Reversal of #\d+: /, '');
}

/** NC-ABCD-1234 in the canonical form, or null when it cannot be an account number. */
export function accountNumber(text) {
  const t = String(text ?? '').trim().toUpperCase().replace(/\s+/g, '');
  const m = /^NC-?([A-Z0-9]{4})-?([A-Z0-9]{4})$/.exec(t);
  return m ? `NC-${m[1]}-${m[2]}` : null;
}
