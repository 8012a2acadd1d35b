// Pay links: a QR code is a link to this app, /#/pay?to=NC-…&amount=…&memo=…, so a phone's own
// camera opens a prefilled, confirmable send. Documented for vendors in docs/pay-links.md.
import { accountNumber, parseAmount } from './format.js';

/** The link for paying `to`, optionally a fixed amount and memo. */
export function payLink({ to, amount = null, memo = '' }, origin = location.origin) {
  const q = new URLSearchParams({ to });
  if (amount != null && amount !== '') q.set('amount', String(amount));
  if (memo) q.set('memo', memo);
  return `${origin}/#/pay?${q}`;
}

/**
 * What a scanned code or an opened link asks for: {to, amount, memo}, or null. Accepts a pay link
 * from any host (a vendor may print the event's public address) and a bare account number.
 */
export function readPayment(text) {
  const raw = String(text ?? '').trim();
  const bare = accountNumber(raw);
  if (bare) return { to: bare, amount: null, memo: '' };
  const at = raw.indexOf('#/pay?');
  if (at < 0) return null;
  return fromQuery(new URLSearchParams(raw.slice(at + '#/pay?'.length)));
}

export function fromQuery(query) {
  const to = accountNumber(query.get('to'));
  if (!to) return null;
  const amount = query.get('amount') ? parseAmount(query.get('amount')) : null;
  return { to, amount, memo: (query.get('memo') ?? '').slice(0, 140) };
}
