-- One kind of request, for bench/suite.sh. Arguments (after wrk's --):
--   1 name      scenario name (in the RESULT line and the idempotency keys)
--   2 method    GET or POST
--   3 path      may contain {id}, replaced by the ids file's lines in turn
--   4 ids       file of ids, or -
--   5 body      file with the JSON body, or - ; {unique} in it becomes unique per request, and a
--               POST carries a fresh Idempotency-Key
--   6 token     bearer token
--   7 purpose   X-Access-Purpose header, or -
-- Prints: RESULT name req/s p50_ms p95_ms p99_ms non_2xx socket_errors
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  name, method, path = args[1], args[2], args[3]
  ids = {}
  if args[4] ~= "-" then
    for line in io.lines(args[4]) do table.insert(ids, line) end
  end
  body = nil
  if args[5] ~= "-" then
    local file = io.open(args[5])
    body = file:read("*a")
    file:close()
  end
  token, purpose = args[6], args[7]
  sent, non2xx = 0, 0
  math.randomseed(os.time() * 1000 + id)
end

function request()
  sent = sent + 1
  local target = path
  if #ids > 0 then target = path:gsub("{id}", ids[(sent * 7 + id) % #ids + 1]) end
  local headers = { ["Authorization"] = "Bearer " .. token }
  if purpose ~= "-" then headers["X-Access-Purpose"] = purpose end
  local payload = nil
  if body then
    local unique = string.format("%d-%d-%d", id, sent, math.random(1000000000))
    payload = body:gsub("{unique}", unique)
    headers["Content-Type"] = "application/json"
    headers["Idempotency-Key"] = name .. "-" .. unique
  end
  return wrk.format(method, target, headers, payload)
end

function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end

function done(summary, latency, requests)
  -- done() runs in wrk's main Lua state: what init() set lives in the threads' states.
  local bad = 0
  for _, thread in ipairs(threads) do bad = bad + thread:get("non2xx") end
  local name = threads[1]:get("name")
  local seconds = summary.duration / 1000000
  local errors = summary.errors
  io.write(string.format("RESULT %s %.1f %.2f %.2f %.2f %d %d\n", name, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, bad,
    errors.connect + errors.read + errors.write + errors.timeout))
end
