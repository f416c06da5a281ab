-- wrk script: a different mutation on every request, each with its own token and a unique idempotency key.
--   wrk -t2 -cN -dS -s bench/wrk/writes.lua URL -- data.tsv run-tag threads first-line
-- data.tsv lines: <token> TAB <JSON body with @KEY@ where the idempotency key goes>. Lines before first-line
-- (0-based; those an earlier run used) are skipped; of the rest, thread t of T takes lines t, t+T, t+2T, ... so no
-- two requests share a line. A run that needs more lines than there are wraps around (counted as "reused": those
-- requests repeat an earlier one's target with a new key).
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "?.lua"
local report = require("report")

local counter = 0
local nthreads = 1
local lines = {}
local tag = "run"
local tokens, bodies = {}, {}
thread_index = 0
reused = 0

local base_setup = report.setup
local setup_count = 0
function setup(thread)
  thread:set("thread_index", setup_count)
  setup_count = setup_count + 1
  base_setup(thread)
end

function init(args)
  tag = args[2] or "run"
  nthreads = tonumber(args[3] or "2")
  local first = tonumber(args[4] or "0")
  local i = -first
  for line in io.lines(args[1]) do
    if i >= 0 and i % nthreads == thread_index then
      local tab = line:find("\t", 1, true)
      table.insert(tokens, line:sub(1, tab - 1))
      table.insert(bodies, line:sub(tab + 1))
    end
    i = i + 1
  end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  local n = #bodies
  local i = ((counter - 1) % n) + 1
  if counter > n then reused = reused + 1 end
  local body = bodies[i]:gsub("@KEY@", tag .. "-" .. thread_index .. "-" .. counter, 1)
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. tokens[i] }, body)
end

response = report.response
done = report.done
