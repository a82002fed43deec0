-- A plain GET for wrk (the reference ceiling: GET /health/live on the management port); every non-2xx response is
-- counted. done() prints one line "BENCH_JSON {...}" in the same shape as payouts.lua.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  ok = 0
  non2xx = 0
end

function response(status, headers, body)
  if status >= 200 and status < 300 then
    ok = ok + 1
  else
    non2xx = non2xx + 1
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
