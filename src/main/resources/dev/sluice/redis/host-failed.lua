-- The host failed: from the second failure in a row on, it is left alone for start, 2 x start,
-- 4 x start ... up to the cap. KEYS[1] the host's state; ARGV: start ms, cap ms, idle ms.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local failures = redis.call('HINCRBY', KEYS[1], 'failures', 1)
local backoff = tonumber(redis.call('HGET', KEYS[1], 'backoff')) or 0
if failures >= 2 then
  local wait = math.min(tonumber(ARGV[2]), tonumber(ARGV[1]) * 2 ^ math.min(failures - 2, 20))
  if now + wait > backoff then
    backoff = now + wait
    redis.call('HSET', KEYS[1], 'backoff', backoff)
  end
end
redis.call('PEXPIRE', KEYS[1], math.max(redis.call('PTTL', KEYS[1]), backoff - now + tonumber(ARGV[3])))
return failures
