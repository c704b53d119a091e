-- One Larkspur call over keep-alive connections, as bench/run drives it. The request comes from
-- the environment (WRK_METHOD, WRK_BODY, WRK_TOKEN); with WRK_BODIES, a file of one body a line,
-- the requests take its bodies in turn (each thread from its own place), so that sends spread over
-- many chats. Every answer that is not HTTP 200 with "code":0 counts as bad. done() writes the
-- result as JSON to WRK_OUT for the bench to read.
wrk.method = os.getenv("WRK_METHOD") or "GET"
wrk.body = os.getenv("WRK_BODY")
wrk.headers["Content-Type"] = "application/json; charset=utf-8"
local token = os.getenv("WRK_TOKEN")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end

local threads = {}
local bodies_file = os.getenv("WRK_BODIES")

function setup(thread)
  table.insert(threads, thread)
  thread:set("number", #threads)
end

function init(args)
  bad = 0
  sample = nil
  if bodies_file and bodies_file ~= "" then
    bodies = {}
    for line in io.lines(bodies_file) do
      table.insert(bodies, line)
    end
    next_body = ((number or 1) * 7919) % #bodies
  end
end

-- Only with WRK_BODIES: without a request() function wrk sends one prepared request again and again.
if bodies_file and bodies_file ~= "" then
  function request()
    next_body = next_body % #bodies + 1
    return wrk.format(nil, nil, nil, bodies[next_body])
  end
end

function response(status, headers, body)
  if status ~= 200 or not string.find(body, '"code":0', 1, true) then
    bad = bad + 1
    if sample == nil then
      sample = status .. " " .. string.sub(body, 1, 200)
    end
  end
end

local function quote(s)
  return '"' .. string.gsub(s, '[%c"\\]', function(c) return string.format("\\u%04x", string.byte(c)) end) .. '"'
end

function done(summary, latency, requests)
  local bad_total, first_sample = 0, nil
  for _, t in ipairs(threads) do
    bad_total = bad_total + (t:get("bad") or 0)
    first_sample = first_sample or t:get("sample")
  end
  local e = summary.errors
  local points = {}
  for _, p in ipairs({50, 75, 90, 95, 99, 99.9, 99.99}) do
    table.insert(points, string.format('"%s":%d', tostring(p), latency:percentile(p)))
  end
  table.insert(points, string.format('"100":%d', latency.max))
  local out = io.open(os.getenv("WRK_OUT"), "w")
  out:write(string.format(
    '{"requests":%d,"duration_us":%d,"socket_errors":%d,"bad":%d,"sample":%s,"percentiles_us":{%s}}',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, bad_total,
    first_sample and quote(first_sample) or "null", table.concat(points, ",")))
  out:close()
end
