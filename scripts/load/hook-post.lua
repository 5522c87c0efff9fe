-- wrk script for `scripts/load.sh webhooks`: POSTs a distinct JSON event each time (thread number
-- and a counter in the body, so the hook's de-duplication never short-cuts the store) and counts
-- the answers: 202 = accepted and stored, anything else is reported.
local threads = {}

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  accepted = 0
  other = 0
end

local headers = { ["Content-Type"] = "application/json" }

function request()
  counter = counter + 1
  local body = string.format('{"id":"%d-%d","n":%d,"source":"load.sh"}', tid, counter, counter)
  return wrk.format("POST", nil, headers, body)
end

function response(status, hdrs, body)
  if status == 202 then accepted = accepted + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local a, o = 0, 0
  for _, t in ipairs(threads) do
    a = a + t:get("accepted")
    o = o + t:get("other")
  end
  io.write(string.format("hook-accepted %d\nhook-other %d\n", a, o))
end
