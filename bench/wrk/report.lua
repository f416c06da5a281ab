-- Shared by the wrk scripts: counts GraphQL errors per thread and prints one RESULT line with req/s,
-- percentiles (ms) and every kind of error, so that bench/run.sh can tabulate it.
local M = {}
local threads = {}

function M.setup(thread)
  table.insert(threads, thread)
end

gql_errors = 0
first_error = ""

function M.response(status, headers, body)
  if status ~= 200 or (body and body:find('"errors"', 1, true)) then
    gql_errors = gql_errors + 1
    if first_error == "" and body then
      first_error = tostring(status) .. " " .. body:sub(1, 300):gsub("[\r\n\t]", " ")
    end
  end
end

function M.done(summary, latency, requests)
  local answered_errors, first, reused = 0, "", 0
  for _, t in ipairs(threads) do
    answered_errors = answered_errors + (t:get("gql_errors") or 0)
    reused = reused + (t:get("reused") or 0)
    local e = t:get("first_error")
    if first == "" and e and e ~= "" then first = e end
  end
  local e = summary.errors
  local socket = e.connect + e.read + e.write + e.timeout
  local secs = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d seconds=%.2f rps=%.1f p50=%.1f p95=%.1f p99=%.1f max=%.1f errors=%d answered_errors=%d socket_errors=%d timeouts=%d reused=%d\n",
    summary.requests, secs, summary.requests / secs, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, answered_errors + socket, answered_errors, socket, e.timeout, reused))
  if first ~= "" then
    io.write("FIRST_ERROR " .. first .. "\n")
  end
end

return M
