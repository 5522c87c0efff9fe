-- The host asked for a pause (Retry-After): no request starts before now + ARGV[1] ms.
-- KEYS[1] the host's state; ARGV: pause ms, idle ms (how long the state outlives the pause).
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local untilMs = now + tonumber(ARGV[1])
local paused = tonumber(redis.call('HGET', KEYS[1], 'paused')) or 0
if untilMs > paused then
  paused = untilMs
  redis.call('HSET', KEYS[1], 'paused', paused)
end
redis.call('PEXPIRE', KEYS[1], math.max(redis.call('PTTL', KEYS[1]), paused - now + tonumber(ARGV[2])))
return paused - now
