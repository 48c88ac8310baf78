/// The Lua scripts behind ``RedisJobQueue``; each state change of a job is one script, so
/// no interleaving of workers, schedulers and replicas can see a job half moved.
///
/// Every script gets the same six `KEYS` (``RedisQueueKeys/scriptKeys``), `ARGV[1]` = the
/// prefix of the per-tenant ready lists and `ARGV[2]` = now in epoch milliseconds (from the
/// caller's clock, so tests control time); script-specific arguments follow. Tenant lists are
/// built from `ARGV[1]` rather than passed as keys because the tenant is only known inside the
/// script; they share the queue's hash tag, so a Redis Cluster still finds them in one slot.
///
/// A job's record in `jobs` is JSON: `job` (the Swift-encoded ``Job``, kept as an opaque
/// string), `tenant`, `max`, `attempts` (deliveries so far), `enqueued_at`, `ready_at`, and
/// while relevant `lease`, `error`, `died_at`. A tenant is in the `tenants` ring exactly when
/// its ready list is non-empty.
enum JobQueueScripts {
    private static let prelude = """
        local jobs, tenants, delayed, inflight, dead, counters = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6]
        local ready_prefix = ARGV[1]
        local now = tonumber(ARGV[2])

        local function load(id)
          local raw = redis.call('HGET', jobs, id)
          if not raw then return nil end
          return cjson.decode(raw)
        end

        local function save(id, rec)
          redis.call('HSET', jobs, id, cjson.encode(rec))
        end

        local function make_ready(id, rec)
          rec.ready_at = now
          rec.lease = nil
          save(id, rec)
          if redis.call('RPUSH', ready_prefix .. rec.tenant, id) == 1 then
            redis.call('RPUSH', tenants, rec.tenant)
          end
        end

        local function bury(id, rec, err)
          rec.lease = nil
          rec.error = err
          rec.died_at = now
          save(id, rec)
          redis.call('ZADD', dead, now, id)
          redis.call('HINCRBY', counters, 'dead', 1)
        end

        local function leased(id, token)
          if not redis.call('ZSCORE', inflight, id) then return nil end
          local rec = load(id)
          if not rec or rec.lease ~= token then return nil end
          return rec
        end

        """

    /// ARGV: id, job JSON, tenant key, max attempts, due ms (0 = now), duplicate window ms (0 = none),
    /// registry key, queue name. Returns 1 (and registers the queue), or 0 when the id is queued or
    /// completed within its duplicate window.
    static let enqueue = RedisScript(
        prelude + """
            local id = ARGV[3]
            if redis.call('HEXISTS', jobs, id) == 1 then return 0 end
            if redis.call('EXISTS', jobs .. ':done:' .. id) == 1 then return 0 end
            local rec = {job = ARGV[4], tenant = ARGV[5], max = tonumber(ARGV[6]), attempts = 0, enqueued_at = now}
            local window = tonumber(ARGV[8])
            if window > 0 then rec.window = window end
            local due = tonumber(ARGV[7])
            if due > now then
              save(id, rec)
              redis.call('ZADD', delayed, due, id)
            else
              make_ready(id, rec)
            end
            redis.call('HINCRBY', counters, 'enqueued', 1)
            redis.call('SADD', ARGV[9], ARGV[10])
            return 1
            """)

    /// ARGV: visibility deadline ms, lease token, maintenance batch. Returns
    /// `{id, job JSON, attempt, enqueued_at}` or nil.
    ///
    /// Promotion and reclaiming happen here, bounded, so a queue keeps moving even without a
    /// scheduler; a reclaimed job that already had its last delivery is dead-lettered instead
    /// of looping forever behind a worker that keeps crashing on it.
    static let dequeue = RedisScript(
        prelude + """
            local batch = tonumber(ARGV[5])
            for _, id in ipairs(redis.call('ZRANGEBYSCORE', delayed, '-inf', now, 'LIMIT', 0, batch)) do
              redis.call('ZREM', delayed, id)
              local rec = load(id)
              if rec then make_ready(id, rec) end
            end
            for _, id in ipairs(redis.call('ZRANGEBYSCORE', inflight, '-inf', '(' .. ARGV[2], 'LIMIT', 0, batch)) do
              redis.call('ZREM', inflight, id)
              local rec = load(id)
              if rec then
                if rec.attempts >= rec.max then
                  bury(id, rec, 'visibility timeout exceeded')
                else
                  make_ready(id, rec)
                end
              end
            end
            while true do
              local tenant = redis.call('LPOP', tenants)
              if not tenant then return false end
              local list = ready_prefix .. tenant
              local id = redis.call('LPOP', list)
              if id then
                if redis.call('LLEN', list) > 0 then redis.call('RPUSH', tenants, tenant) end
                local rec = load(id)
                if rec then
                  rec.attempts = rec.attempts + 1
                  rec.lease = ARGV[4]
                  save(id, rec)
                  redis.call('ZADD', inflight, ARGV[3], id)
                  return {id, rec.job, rec.attempts, rec.enqueued_at}
                end
              end
            end
            """)

    /// ARGV: id, lease token. Returns 1, or 0 for a stale lease. A job with a duplicate window
    /// leaves a `<jobs>:done:<id>` marker that expires with the window.
    static let complete = RedisScript(
        prelude + """
            local id = ARGV[3]
            local rec = leased(id, ARGV[4])
            if not rec then return 0 end
            redis.call('ZREM', inflight, id)
            redis.call('HDEL', jobs, id)
            if rec.window then redis.call('SET', jobs .. ':done:' .. id, '1', 'PX', rec.window) end
            redis.call('HINCRBY', counters, 'completed', 1)
            return 1
            """)

    /// ARGV: id, lease token, retryable (1/0), retry delay ms, error. Returns 1 when scheduled
    /// for retry, 2 when dead-lettered, 0 for a stale lease.
    static let fail = RedisScript(
        prelude + """
            local id = ARGV[3]
            local rec = leased(id, ARGV[4])
            if not rec then return 0 end
            redis.call('ZREM', inflight, id)
            if ARGV[5] == '1' and rec.attempts < rec.max then
              rec.lease = nil
              rec.error = ARGV[7]
              save(id, rec)
              redis.call('ZADD', delayed, now + tonumber(ARGV[6]), id)
              redis.call('HINCRBY', counters, 'retried', 1)
              return 1
            end
            bury(id, rec, ARGV[7])
            return 2
            """)

    /// ARGV: id, lease token, new deadline ms. Returns 1, or 0 for a stale lease.
    static let extend = RedisScript(
        prelude + """
            if not leased(ARGV[3], ARGV[4]) then return 0 end
            redis.call('ZADD', inflight, 'XX', ARGV[5], ARGV[3])
            return 1
            """)

    /// ARGV: limit. Returns `{job JSON, attempts, error, died_at}` flattened, newest first.
    static let deadLetters = RedisScript(
        prelude + """
            local out = {}
            for _, id in ipairs(redis.call('ZREVRANGE', dead, 0, tonumber(ARGV[3]) - 1)) do
              local rec = load(id)
              if rec then
                table.insert(out, rec.job)
                table.insert(out, rec.attempts)
                table.insert(out, rec.error or '')
                table.insert(out, rec.died_at or 0)
              end
            end
            return out
            """)

    /// ARGV: id. Returns 1, or 0 when the job is not dead.
    static let replay = RedisScript(
        prelude + """
            local id = ARGV[3]
            if redis.call('ZREM', dead, id) == 0 then return 0 end
            local rec = load(id)
            if not rec then return 0 end
            rec.attempts = 0
            rec.error = nil
            rec.died_at = nil
            make_ready(id, rec)
            return 1
            """)

    /// Returns `{ready, delayed, in flight, dead, enqueued, completed, retried, dead total,
    /// oldest ready age ms}`. Lists are ordered by `ready_at`, so each tenant's head is its oldest.
    static let stats = RedisScript(
        prelude + """
            local ready, oldest = 0, nil
            for _, tenant in ipairs(redis.call('LRANGE', tenants, 0, -1)) do
              local list = ready_prefix .. tenant
              ready = ready + redis.call('LLEN', list)
              local head = redis.call('LINDEX', list, 0)
              local rec = head and load(head)
              if rec and (oldest == nil or rec.ready_at < oldest) then oldest = rec.ready_at end
            end
            local totals = redis.call('HMGET', counters, 'enqueued', 'completed', 'retried', 'dead')
            return {
              ready, redis.call('ZCARD', delayed), redis.call('ZCARD', inflight), redis.call('ZCARD', dead),
              tonumber(totals[1]) or 0, tonumber(totals[2]) or 0, tonumber(totals[3]) or 0, tonumber(totals[4]) or 0,
              oldest and math.max(now - oldest, 0) or 0
            }
            """)
}
