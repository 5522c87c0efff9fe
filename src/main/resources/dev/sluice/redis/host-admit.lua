-- Admits one request to a host, or says why not (RedisHostPoliteness.admit).
-- KEYS[1] the host's state (hash: next, paused, backoff, failures), KEYS[2] its request slots
-- (sorted set: permit token -> when the slot frees itself should its holder die).
-- ARGV: token, slots, spacing ms, ms left until the caller's deadline, slot lifetime ms, idle ms.
-- Answers {verdict, ms}: granted (start after ms), paused/backoff (ms until it ends), busy (no
-- free slot), late (the spacing puts the start past the deadline; ms until it could start).
-- Times are Redis's own clock, so nodes whose clocks disagree still agree here.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local deadline = now + tonumber(ARGV[4])
local state = redis.call('HMGET', KEYS[1], 'next', 'paused', 'backoff')
local nextStart = tonumber(state[1]) or now
local paused = tonumber(state[2]) or 0
local backoff = tonumber(state[3]) or 0
if paused > deadline then return {'paused', paused - now} end
if backoff > deadline then return {'backoff', backoff - now} end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[2]) then return {'busy', 0} end
local start = math.max(now, nextStart, paused, backoff)
if start > deadline then
  if start == paused then return {'paused', start - now} end
  if start == backoff then return {'backoff', start - now} end
  return {'late', start - now}
end
local slotUntil = start + tonumber(ARGV[5])
redis.call('ZADD', KEYS[2], slotUntil, ARGV[1])
redis.call('PEXPIRE', KEYS[2], slotUntil - now)
redis.call('HSET', KEYS[1], 'next', start + tonumber(ARGV[3]))
redis.call('PEXPIRE', KEYS[1], math.max(start, paused, backoff) - now + tonumber(ARGV[6]))
return {'granted', start - now}
