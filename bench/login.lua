-- wrk script for the login storm (bench/login-storm.sh): POST /api/v1/auth/login with a random
-- unknown character name and a wrong password, as a hostile or broken client would. Each answer
-- still costs the server one bcrypt (unknown names are checked against a decoy hash).
-- done() prints "BENCH key=value" lines: answers by status and latency percentiles.

local threads = {}
local counter = 1

function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

c200, c401, c429, c503, cother, last_other = 0, 0, 0, 0, 0, 0

function init(args)
  math.randomseed(os.time() * 1000 + tid)
end

function request()
  local body = string.format('{"character_name":"storm%06d","password":"wrong-password-%d"}',
    math.random(999999), math.random(999999))
  return wrk.format("POST", "/api/v1/auth/login", { ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  if status == 200 then c200 = c200 + 1
  elseif status == 401 then c401 = c401 + 1
  elseif status == 429 then c429 = c429 + 1
  elseif status == 503 then c503 = c503 + 1
  else
    cother = cother + 1
    last_other = status
  end
end

function done(summary, latency, requests)
  local t = { c200 = 0, c401 = 0, c429 = 0, c503 = 0, cother = 0 }
  for _, thread in ipairs(threads) do
    for k, _ in pairs(t) do
      t[k] = t[k] + (thread:get(k) or 0)
    end
  end
  local e = summary.errors
  local secs = summary.duration / 1e6
  io.write(string.format("BENCH duration_us=%d\n", summary.duration))
  io.write(string.format("BENCH s200=%d\nBENCH s401=%d\nBENCH s429=%d\nBENCH s503=%d\nBENCH s_other=%d\n",
    t.c200, t.c401, t.c429, t.c503, t.cother))
  local last = 0
  for _, thread in ipairs(threads) do
    if (thread:get("last_other") or 0) > 0 then last = thread:get("last_other") end
  end
  io.write(string.format("BENCH last_other=%d\n", last))
  io.write(string.format("BENCH checked_per_s=%.1f\n", (t.c200 + t.c401) / secs))
  io.write(string.format("BENCH sock_errors=%d\n", e.connect + e.read + e.write + e.timeout))
  io.write(string.format("BENCH p50_us=%d\nBENCH p99_us=%d\nBENCH max_us=%d\n",
    latency:percentile(50), latency:percentile(99), latency.max))
end
