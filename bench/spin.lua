-- wrk script: every request is one casino spin by one of the bench players, alternating games.
-- Tokens come from the file named by TOKENS_FILE, one JWT per line.
local tokens = {}
for line in io.lines(os.getenv("TOKENS_FILE")) do
  tokens[#tokens + 1] = line
end

local counter = 0
local games = {
  {"/api/v1/casino/glitch-grid/spin", '{"bet_amount": 10}'},
  {"/api/v1/casino/starlight-smuggler/spin", '{"bet_amount": 5}'},
}

function setup(thread)
  thread:set("offset", math.random(1, #tokens))
end

function request()
  counter = counter + 1
  local token = tokens[(counter + (offset or 0)) % #tokens + 1]
  local game = games[counter % 2 + 1]
  return wrk.format("POST", game[1], {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
  }, game[2])
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local bad = summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout
  io.write(string.format("spins/s over HTTP: %.0f  (%d spins in %.1f s, %d errors/non-2xx, p50 %.1f ms, p99 %.1f ms)\n",
      summary.requests / seconds, summary.requests, seconds, bad,
      latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
