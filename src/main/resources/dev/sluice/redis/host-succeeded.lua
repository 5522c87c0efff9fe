-- The host answered sensibly: its failure back-off is over. KEYS[1] the host's state.
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('HSET', KEYS[1], 'failures', 0, 'backoff', 0)
end
return 0
