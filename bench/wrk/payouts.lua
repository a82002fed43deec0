-- POST /api/payment/payouts for wrk: every request has its own Idempotency-Key, and requests cycle through the
-- bearer tokens (one per user, so per-user limits never bind) and the valid recipient addresses given in files.
--
-- Environment: BENCH_TOKENS and BENCH_ADDRESSES (files, one JWT or base58 address a line), BENCH_RUN (a prefix that
-- keeps keys unique across runs), BENCH_AMOUNT (USDT, default 0.01), BENCH_LIMIT (optional: each thread stops after
-- this many responses), BENCH_BATCH (the batch_type, default IMMEDIATE: DAILY payouts wait for the next UTC day, so
-- the engine leaves them alone and only the accept path is measured). done() prints one line "BENCH_JSON {...}" with the counts and latency percentiles.

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local function lines(path)
  local out = {}
  local file = assert(io.open(assert(path, "file name missing"), "r"))
  for line in file:lines() do
    if line ~= "" then
      table.insert(out, line)
    end
  end
  file:close()
  assert(#out > 0, path .. " is empty")
  return out
end

function init(args)
  tokens = lines(os.getenv("BENCH_TOKENS"))
  addresses = lines(os.getenv("BENCH_ADDRESSES"))
  run = os.getenv("BENCH_RUN") or tostring(os.time())
  amount = os.getenv("BENCH_AMOUNT") or "0.01"
  batch = os.getenv("BENCH_BATCH") or "IMMEDIATE"
  limit = tonumber(os.getenv("BENCH_LIMIT") or "0")
  sent = 0
  ok = 0
  non2xx = 0
end

function request()
  sent = sent + 1
  local body = '{"recipient_address":"' .. addresses[sent % #addresses + 1] .. '","amount_usdt":"' .. amount
      .. '","reason":"bench","router_type":"PayoutRouterV0","batch_type":"' .. batch .. '"}'
  return wrk.format("POST", "/api/payment/payouts", {
    ["Authorization"] = "Bearer " .. tokens[sent % #tokens + 1],
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = run .. "-" .. tid .. "-" .. sent,
  }, body)
end

function response(status, headers, body)
  if status >= 200 and status < 300 then
    ok = ok + 1
  else
    non2xx = non2xx + 1
  end
  if limit > 0 and ok + non2xx >= limit then
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local good, bad = 0, 0
  for _, thread in ipairs(threads) do
    good = good + thread:get("ok")
    bad = bad + thread:get("non2xx")
  end
  local e = summary.errors
  io.write(string.format('BENCH_JSON {"requests":%d,"duration_us":%d,"ok":%d,"non_2xx":%d,'
      .. '"socket_errors":%d,"timeouts":%d,"latency_us":{"p50":%d,"p99":%d,"p99_9":%d,"max":%d,"mean":%.1f}}\n',
      summary.requests, summary.duration, good, bad, e.connect + e.read + e.write, e.timeout,
      latency:percentile(50), latency:percentile(99), latency:percentile(99.9), latency.max, latency.mean))
end
