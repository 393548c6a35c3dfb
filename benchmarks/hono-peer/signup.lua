-- wrk script: every request is the same valid signup, and the summary is one JSON line with the figures that the
-- HTTP benchmark compares. Any answer but 200 counts as an error, so a server that rejects the payload cannot
-- pass for a fast one.
wrk.method = "POST"
wrk.path = "/api/v1/user/signup"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"email":"ada@example.com","password":"correct horse","name":"Ada Lovelace"}'

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  not_ok = 0
end

function response(status, headers, body)
  if status ~= 200 then
    not_ok = not_ok + 1
  end
end

function done(summary, latency, requests)
  local failed = 0
  for _, thread in ipairs(threads) do
    failed = failed + thread:get("not_ok")
  end
  local errors = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    '{"requests":%d,"requests_per_s":%.0f,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,'
      .. '"not_200":%d,"socket_errors":%d}\n',
    summary.requests, summary.requests / seconds, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, failed,
    errors.connect + errors.read + errors.write + errors.timeout))
end
