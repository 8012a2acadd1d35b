-- wrk script: vendor-stall charges through the terminal API, each with its own Idempotency-Key
-- (as a terminal makes one per sale), spread over the players listed in the generated setup file.
-- Usage: wrk -s bench/charges.lua ... (charges.sh writes bench/out/setup.lua with KEY, STALL, PLAYERS).
dofile(os.getenv("BENCH_SETUP") or "bench/out/setup.lua")

local counter = 0
local threads = {}
local thread_id = 0

function setup(thread)
   thread_id = thread_id + 1
   thread:set("tid", thread_id)
   table.insert(threads, thread)
end

function init(args)
   math.randomseed(os.time() + (tid or 0) * 7919)
   run = string.format("%x%04x", os.time(), math.random(0, 65535))
   created, other = 0, 0
end

function request()
   counter = counter + 1
   local player = PLAYERS[(counter + (tid or 0) * 13) % #PLAYERS + 1]
   local body = '{"from_account":"' .. player .. '","to_account":"' .. STALL .. '","amount":0.01,"memo":"bench"}'
   return wrk.format("POST", "/api/v1/external/transactions", {
      ["Content-Type"] = "application/json",
      ["X-API-Key"] = KEY,
      ["Idempotency-Key"] = "b-" .. run .. "-" .. (tid or 0) .. "-" .. counter,
   }, body)
end

function response(status, headers, body)
   if status == 201 then created = created + 1 else other = other + 1 end
end

function done(summary, latency, requests)
   local c, o = 0, 0
   for _, t in ipairs(threads) do
      c = c + t:get("created")
      o = o + t:get("other")
   end
   io.write(string.format("charges 201: %d, other answers: %d\n", c, o))
   io.write(string.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms\n", latency:percentile(50) / 1000,
      latency:percentile(90) / 1000, latency:percentile(99) / 1000))
end
