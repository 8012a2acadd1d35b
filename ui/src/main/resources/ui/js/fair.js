// Provably fair, re-checked in the browser with Web Crypto, by the procedure in docs/casino.md:
// 1. sha256_hex(server seed text) must equal the commitment shown before the spin;
// 2. HMAC-SHA256(key = server seed as ASCII, message = "client_seed:nonce:round"), round 0, 1, …,
//    read as big-endian unsigned 32-bit numbers, in order, across blocks;
// 3. per reel with total weight T: skip u ≥ 2³² − (2³² mod T) (no modulo bias), x = u mod T;
// 4. the stop is the first index whose cumulative weight exceeds x; the window is that stop and
//    the next rows − 1 stops of the strip, wrapping.
const text = new TextEncoder();
const TWO_32 = 2 ** 32;

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function sha256Hex(value) {
  return hex(await crypto.subtle.digest('SHA-256', text.encode(value)));
}

/** The reel stops that a server seed, client seed and nonce give for reels of these weights. */
export async function stops(serverSeed, clientSeed, nonce, weights) {
  const key = await crypto.subtle.importKey('raw', text.encode(serverSeed), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  let round = 0;
  let block = null;
  let at = 0;
  async function next() {
    if (!block || at === 8) {
      block = new DataView(await crypto.subtle.sign('HMAC', key, text.encode(`${clientSeed}:${nonce}:${round}`)));
      round += 1;
      at = 0;
    }
    const u = block.getUint32(at * 4, false);
    at += 1;
    return u;
  }
  const out = [];
  for (const w of weights) {
    const total = w.reduce((a, b) => a + b, 0);
    const limit = TWO_32 - (TWO_32 % total);
    let u = await next();
    while (u >= limit) u = await next();
    const x = u % total;
    let sum = 0;
    out.push(w.findIndex((wi) => x < (sum += wi)));
  }
  return out;
}

/** The visible grid, rows × reels, for these stops on these strips. */
export function grid(strips, stopList, rows) {
  return Array.from({ length: rows }, (_, row) =>
    stopList.map((stop, r) => strips[r][(stop + row) % strips[r].length]));
}

/**
 * Re-derives a recorded spin from its revealed seed and the reels of its setting:
 * {hashOk, stops, grid, matches} where matches means the same stops the bank recorded.
 */
export async function verifySpin(spin, reels) {
  const hashOk = (await sha256Hex(spin.server_seed)) === spin.server_seed_hash;
  const derived = await stops(spin.server_seed, spin.client_seed, spin.nonce, reels.map((r) => r.weights));
  const rows = spin.grid.length;
  const shown = grid(reels.map((r) => r.strip), derived, rows);
  const matches = derived.length === spin.stops.length && derived.every((s, i) => s === spin.stops[i]);
  return { hashOk, stops: derived, grid: shown, matches: hashOk && matches };
}
