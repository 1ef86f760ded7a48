-- Each connection alternates: authorize with the next unused code, then capture that hold.
-- Pair latency (authorize sent -> capture answered) is measured with clock_gettime through LuaJIT's ffi.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } timespec;
  int clock_gettime(int clk_id, timespec *tp);
]]
local ts = ffi.new("timespec")
local function now_us()
  ffi.C.clock_gettime(1, ts)
  return tonumber(ts.tv_sec) * 1000000 + tonumber(ts.tv_nsec) / 1000
end

local threads = {}
local counter = 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  codes = {}
  local index = 0
  for line in io.lines(args[1]) do
    if index % args[2] == id then table.insert(codes, line) end
    index = index + 1
  end
  token = args[3]
  run = args[4]
  next_code = 1
  state = "authorize"
  pairs_done = 0
  failures = 0
  latencies = {}
  redemption = nil
  started = 0
  seq = 0
end

function request()
  seq = seq + 1
  local headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json",
                    ["Idempotency-Key"] = run .. "-" .. id .. "-" .. seq }
  if state == "authorize" then
    local code = codes[next_code]
    if code == nil then
      -- Out of codes: the run lasts longer than its codes (raise CODES); these requests fail and count.
      code = "NO-CODE-LEFT"
    end
    next_code = next_code + 1
    started = now_us()
    return wrk.format("POST", "/partner/v1/redemptions", headers, '{"code":"' .. code .. '","points":10}')
  end
  return wrk.format("POST", "/partner/v1/redemptions/" .. redemption .. "/capture", headers, "{}")
end

function response(status, headers, body)
  if state == "authorize" then
    if status == 201 then
      redemption = body:match('"id":"([^"]+)"')
      state = "capture"
    else
      failures = failures + 1
    end
  else
    if status == 200 then
      pairs_done = pairs_done + 1
      latencies[#latencies + 1] = now_us() - started
    else
      failures = failures + 1
    end
    state = "authorize"
  end
end

function done(summary, latency, requests)
  local all = {}
  local total = 0
  local failed = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("pairs_done")
    failed = failed + thread:get("failures")
    for _, value in ipairs(thread:get("latencies")) do all[#all + 1] = value end
  end
  table.sort(all)
  local function pct(p) if #all == 0 then return 0 end return all[math.max(1, math.ceil(#all * p))] / 1000 end
  local seconds = summary.duration / 1000000
  io.write(string.format("PAIRS %d in %.1f s = %.1f pairs/s; pair latency p50 %.2f ms, p95 %.2f ms, p99 %.2f ms; failed requests %d; http errors %d\n",
    total, seconds, total / seconds, pct(0.50), pct(0.95), pct(0.99), failed,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
