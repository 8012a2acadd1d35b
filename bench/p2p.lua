-- wrk script for the NeoBank benchmark (bench/transfers.sh).
-- Usage: wrk -s bench/p2p.lua <url> -- <players.lua> <mode>
--   mode "transfer": POST /api/v1/transactions from a random player to another random player,
--                    0.01-1.00 credits, about 1 in 10 with a fresh Idempotency-Key.
--   mode "read":     GET /api/v1/account as a random player.
-- Each thread counts statuses in response(); done() prints one machine-readable line per
-- figure, prefixed "BENCH ", which transfers.sh parses.

local threads = {}
local counter = 1

function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local players, mode, n
local tokens = {}
local accts = {}
local seq = 0

-- counters read by done() through thread:get (scalars only, to keep the copy trivial)
c2xx, c400, c401, c409, c429, c4xx, c5xx, cother, idem = 0, 0, 0, 0, 0, 0, 0, 0, 0

function init(args)
  players = dofile(args[1])
  mode = args[2] or "transfer"
  n = #players
  for i, p in ipairs(players) do
    tokens[i] = "Bearer " .. p[1]
    accts[i] = p[2]
  end
  math.randomseed(os.time() * 1000 + tid)
end

function request()
  local i = math.random(n)
  if mode == "read" then
    return wrk.format("GET", "/api/v1/account", { ["Authorization"] = tokens[i] }, nil)
  end
  local j = math.random(n - 1)
  if j >= i then j = j + 1 end
  local amount = string.format("%d.%02d", 0, math.random(1, 99))
  if math.random(100) == 100 then amount = "1.00" end
  local headers = {
    ["Authorization"] = tokens[i],
    ["Content-Type"] = "application/json",
  }
  if math.random(10) == 1 then
    seq = seq + 1
    headers["Idempotency-Key"] = string.format("wrk-%d-%d-%d", tid, os.time(), seq)
    idem = idem + 1
  end
  local body = '{"to_account":"' .. accts[j] .. '","amount":' .. amount .. ',"memo":"bench"}'
  return wrk.format("POST", "/api/v1/transactions", headers, body)
end

function response(status, headers, body)
  if status >= 200 and status < 300 then c2xx = c2xx + 1
  elseif status == 400 then c400 = c400 + 1
  elseif status == 401 then c401 = c401 + 1
  elseif status == 409 then c409 = c409 + 1
  elseif status == 429 then c429 = c429 + 1
  elseif status >= 400 and status < 500 then c4xx = c4xx + 1
  elseif status >= 500 then c5xx = c5xx + 1
  else cother = cother + 1 end
end

function done(summary, latency, requests)
  local t = { c2xx = 0, c400 = 0, c401 = 0, c409 = 0, c429 = 0, c4xx = 0, c5xx = 0, cother = 0, idem = 0 }
  for _, thread in ipairs(threads) do
    for k, _ in pairs(t) do
      t[k] = t[k] + (thread:get(k) or 0)
    end
  end
  local e = summary.errors
  io.write(string.format("BENCH duration_us=%d\n", summary.duration))
  io.write(string.format("BENCH requests=%d\n", summary.requests))
  io.write(string.format("BENCH ok_2xx=%d\n", t.c2xx))
  io.write(string.format("BENCH s400=%d\nBENCH s401=%d\nBENCH s409=%d\nBENCH s429=%d\n", t.c400, t.c401, t.c409, t.c429))
  io.write(string.format("BENCH s4xx_other=%d\nBENCH s5xx=%d\nBENCH s_other=%d\n", t.c4xx, t.c5xx, t.cother))
  io.write(string.format("BENCH non2xx=%d\n", t.c400 + t.c401 + t.c409 + t.c429 + t.c4xx + t.c5xx + t.cother))
  io.write(string.format("BENCH idempotency_keys=%d\n", t.idem))
  io.write(string.format("BENCH sock_connect=%d\nBENCH sock_read=%d\nBENCH sock_write=%d\nBENCH sock_timeout=%d\n",
    e.connect, e.read, e.write, e.timeout))
  io.write(string.format("BENCH sock_errors=%d\n", e.connect + e.read + e.write + e.timeout))
  io.write(string.format("BENCH p50_us=%d\nBENCH p90_us=%d\nBENCH p99_us=%d\nBENCH max_us=%d\n",
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
  io.write(string.format("BENCH rate=%.1f\n", t.c2xx / (summary.duration / 1e6)))
end
