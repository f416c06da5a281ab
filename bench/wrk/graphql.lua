-- wrk script: POST one GraphQL request body again and again.
--   wrk -t2 -cN -dS --latency -s bench/wrk/graphql.lua URL -- body.json [token]
-- Counts an answer as an error when it is not HTTP 200 or carries a GraphQL "errors" member, and prints one
-- machine-readable line (see report.lua) at the end.
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "?.lua"
local report = require("report")

function init(args)
  local f = assert(io.open(args[1], "rb"))
  wrk.method = "POST"
  wrk.body = f:read("*a")
  f:close()
  wrk.headers["Content-Type"] = "application/json"
  if args[2] and args[2] ~= "" then
    wrk.headers["Authorization"] = "Bearer " .. args[2]
  end
end

setup = report.setup
response = report.response
done = report.done
