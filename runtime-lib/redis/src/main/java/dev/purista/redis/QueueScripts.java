package dev.purista.redis;

/**
 * The Lua scripts of {@link RedisQueueBridge}, one per operation, so that each operation is atomic on the server
 * and every process reads the time from the server's clock ({@code TIME}), not from its own.
 *
 * <p>Every script gets the queue's keys as {@code KEYS}: 1 the due jobs (ZSET, score: due time in ms), 2 the leased
 * jobs (ZSET, score: end of the lease in ms), 3 the dead letters (ZSET, score: when dead-lettered), 4 the
 * idempotency keys (HASH, key to job id). {@code ARGV[1]} is the prefix of the job hashes ({@code <queue>job:});
 * a job's hash holds {@code payload}, {@code state}, {@code attempts}, {@code leaseId}, {@code traceId},
 * {@code otp} (the span context it was enqueued in; hashes written before it existed have none), {@code reason}.
 * The scripts never fail on a job hash that something else wrote badly: a missing hash, a key of another type or a
 * hash without a payload is moved to the dead letters with the reason.
 */
final class QueueScripts {
  private static final String PRELUDE = """
      local clock = redis.call('TIME')
      local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
      -- A count written by something else: a whole number from 0 to a billion, anything else counts as 0.
      local function count(value)
        local n = tonumber(value)
        if not n or n ~= n or n < 0 or n > 1e9 then return 0 end
        return math.floor(n)
      end
      local function isHash(key)
        return redis.call('TYPE', key)['ok'] == 'hash'
      end
      -- The job is held by this lease: in flight, the same lease id, and the lease has not run out.
      local function held(key, id, leaseId)
        if not isHash(key) then return false end
        local fields = redis.call('HMGET', key, 'state', 'leaseId')
        if fields[1] ~= 'inFlight' or fields[2] ~= leaseId then return false end
        local ends = redis.call('ZSCORE', KEYS[2], id)
        return ends ~= false and tonumber(ends) > now
      end
      -- Asked again after the connection broke: did the first call already do it?
      local function alreadyDone(key, leaseId, state)
        if ARGV[#ARGV] ~= '1' or not isHash(key) then return false end
        local fields = redis.call('HMGET', key, 'state', 'leaseId')
        return fields[1] == state and fields[2] == leaseId
      end
      """;

  /**
   * ARGV: jobPrefix, id, payload, delay ms, idempotency key or '', trace id or '', otp or ''. Returns {id, created
   * 0|1}.
   */
  static final LuaScript ENQUEUE = new LuaScript("enqueue", PRELUDE + """
      local id = ARGV[2]
      if ARGV[5] ~= '' then
        local first = redis.call('HGET', KEYS[4], ARGV[5])
        if first then
          if first == id then return {id, 1} end
          return {first, 0}
        end
      end
      local key = ARGV[1] .. id
      if redis.call('EXISTS', key) == 1 then return {id, 1} end
      redis.call('HSET', key, 'payload', ARGV[3], 'state', 'pending', 'attempts', 0)
      if ARGV[6] ~= '' then redis.call('HSET', key, 'traceId', ARGV[6]) end
      if ARGV[7] and ARGV[7] ~= '' then redis.call('HSET', key, 'otp', ARGV[7]) end
      redis.call('ZADD', KEYS[1], now + tonumber(ARGV[4]), id)
      if ARGV[5] ~= '' then redis.call('HSET', KEYS[4], ARGV[5], id) end
      return {id, 1}
      """);

  /**
   * ARGV: jobPrefix, visibility ms, new lease id. Releases leases that ran out, then leases the first due job.
   * Returns {1, id, payload, attempt, traceId or '', otp or ''}, or {0, ms until the next due job or lease end,
   * -1: none}.
   */
  static final LuaScript LEASE = new LuaScript("lease", PRELUDE + """
      local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, 100)
      for _, id in ipairs(expired) do
        redis.call('ZREM', KEYS[2], id)
        redis.call('ZADD', KEYS[1], now, id)
        if isHash(ARGV[1] .. id) then redis.call('HSET', ARGV[1] .. id, 'state', 'pending') end
      end
      local function untilNextChange(due)
        local wait = due
        local lease = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
        if #lease > 0 then
          local ends = tonumber(lease[2]) - now
          if wait < 0 or ends < wait then wait = ends end
        end
        return wait
      end
      local function bury(key, id, attempts, reason)
        redis.call('HSET', key, 'state', 'deadLetter', 'attempts', attempts, 'reason', reason)
        redis.call('ZADD', KEYS[3], now, id)
      end
      while true do
        local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
        if #first == 0 then return {0, untilNextChange(-1)} end
        local id = first[1]
        local due = tonumber(first[2])
        if due > now then return {0, untilNextChange(due - now)} end
        redis.call('ZREM', KEYS[1], id)
        local key = ARGV[1] .. id
        local kind = redis.call('TYPE', key)['ok']
        if kind == 'none' then
          bury(key, id, 0, 'malformed job: no job data in Redis under ' .. key)
        elseif kind ~= 'hash' then
          redis.call('RENAME', key, key .. ':malformed')
          bury(key, id, 0, 'malformed job: ' .. key .. ' held a ' .. kind .. ', not a hash; kept as '
            .. key .. ':malformed')
        else
          local job = redis.call('HMGET', key, 'payload', 'attempts', 'traceId', 'otp')
          local attempts = count(job[2]) + 1
          if not job[1] then
            bury(key, id, attempts, 'malformed job: the job hash has no payload')
          else
            redis.call('HSET', key, 'state', 'inFlight', 'attempts', attempts, 'leaseId', ARGV[3])
            redis.call('ZADD', KEYS[2], now + tonumber(ARGV[2]), id)
            return {1, id, job[1], attempts, job[3] or '', job[4] or ''}
          end
        end
      end
      """);

  /** ARGV: jobPrefix, id, lease id, visibility ms. Returns 1 when the lease was extended. */
  static final LuaScript EXTEND = new LuaScript("extend", PRELUDE + """
      if not held(ARGV[1] .. ARGV[2], ARGV[2], ARGV[3]) then return 0 end
      redis.call('ZADD', KEYS[2], now + tonumber(ARGV[4]), ARGV[2])
      return 1
      """);

  /** ARGV: jobPrefix, id, lease id, seconds to keep the completed job, repeated 0|1. Returns 1 when done. */
  static final LuaScript COMPLETE = new LuaScript("complete", PRELUDE + """
      local key = ARGV[1] .. ARGV[2]
      if not held(key, ARGV[2], ARGV[3]) then
        if alreadyDone(key, ARGV[3], 'completed') then return 1 end
        return 0
      end
      redis.call('ZREM', KEYS[2], ARGV[2])
      redis.call('HSET', key, 'state', 'completed')
      redis.call('HDEL', key, 'payload', 'reason')
      redis.call('EXPIRE', key, tonumber(ARGV[4]))
      return 1
      """);

  /** ARGV: jobPrefix, id, lease id, delay ms, reason, repeated 0|1. Returns 1 when done. */
  static final LuaScript RETRY = new LuaScript("retry", PRELUDE + """
      local key = ARGV[1] .. ARGV[2]
      if not held(key, ARGV[2], ARGV[3]) then
        if alreadyDone(key, ARGV[3], 'failed') then return 1 end
        return 0
      end
      redis.call('ZREM', KEYS[2], ARGV[2])
      redis.call('HSET', key, 'state', 'failed', 'reason', ARGV[5])
      redis.call('ZADD', KEYS[1], now + tonumber(ARGV[4]), ARGV[2])
      return 1
      """);

  /** ARGV: jobPrefix, id, lease id, reason, repeated 0|1. Returns 1 when done. */
  static final LuaScript DEAD_LETTER = new LuaScript("deadLetter", PRELUDE + """
      local key = ARGV[1] .. ARGV[2]
      if not held(key, ARGV[2], ARGV[3]) then
        if alreadyDone(key, ARGV[3], 'deadLetter') then return 1 end
        return 0
      end
      redis.call('ZREM', KEYS[2], ARGV[2])
      redis.call('HSET', key, 'state', 'deadLetter', 'reason', ARGV[4])
      redis.call('ZADD', KEYS[3], now, ARGV[2])
      return 1
      """);

  /** ARGV: jobPrefix, id. Returns the state's wire name, or false when the job is unknown. */
  static final LuaScript STATE = new LuaScript("state", PRELUDE + """
      local key = ARGV[1] .. ARGV[2]
      if not isHash(key) then return false end
      local state = redis.call('HGET', key, 'state')
      if state == 'inFlight' then
        local ends = redis.call('ZSCORE', KEYS[2], ARGV[2])
        if not ends or tonumber(ends) <= now then return 'pending' end
      end
      return state
      """);

  /** ARGV: jobPrefix, limit. Returns {id, payload, attempts, reason, at ms} per dead letter, oldest first. */
  static final LuaScript DEAD_LETTERS = new LuaScript("deadLetters", PRELUDE + """
      local out = {}
      local dead = redis.call('ZRANGE', KEYS[3], 0, tonumber(ARGV[2]) - 1, 'WITHSCORES')
      for i = 1, #dead, 2 do
        local key = ARGV[1] .. dead[i]
        local job = {false, false, false}
        if isHash(key) then job = redis.call('HMGET', key, 'payload', 'attempts', 'reason') end
        table.insert(out, dead[i])
        table.insert(out, job[1] or '')
        table.insert(out, count(job[2]))
        table.insert(out, job[3] or '')
        table.insert(out, math.floor(tonumber(dead[i + 1])))
      end
      return out
      """);

  /** ARGV: jobPrefix. Puts every dead letter back as pending, attempts reset. Returns how many. */
  static final LuaScript REDRIVE = new LuaScript("redrive", PRELUDE + """
      local dead = redis.call('ZRANGE', KEYS[3], 0, -1)
      for _, id in ipairs(dead) do
        local key = ARGV[1] .. id
        if isHash(key) then
          redis.call('HSET', key, 'state', 'pending', 'attempts', 0)
          redis.call('HDEL', key, 'reason', 'leaseId')
        end
        redis.call('ZADD', KEYS[1], now, id)
      end
      redis.call('DEL', KEYS[3])
      return #dead
      """);

  /** ARGV: jobPrefix. Deletes every dead letter. Returns how many. */
  static final LuaScript PURGE = new LuaScript("purge", PRELUDE + """
      local dead = redis.call('ZRANGE', KEYS[3], 0, -1)
      for _, id in ipairs(dead) do
        redis.call('DEL', ARGV[1] .. id)
      end
      redis.call('DEL', KEYS[3])
      return #dead
      """);

  private QueueScripts() {
  }
}
