import { QueueSnapshot } from '@opsconsole/backstage-plugin-ops-node';

/** Priority bands whose oldest job is read per queue (BullMQ allows priorities 0 - 2^21). */
export const MAX_PRIORITY_BANDS = 16;

/** Integers the script returns per queue. */
export const FIELDS_PER_QUEUE = 10;

/**
 * A Lua script that reads everything the overview shows of many BullMQ queues in ONE call,
 * on the server: the counts exactly as BullMQ's `getCounts` script computes them for
 * `Queue.getJobCounts()`, the paused flag, the job id counter, the metrics counters and the
 * enqueue time of the oldest waiting job.
 *
 * ARGV[1] is the key prefix, ARGV[2..] the queue names. For each queue it returns
 * {@link FIELDS_PER_QUEUE} integers, -1 standing for "absent" (a nil would end a Lua array).
 *
 * Key layout of BullMQ 5/6 (`<prefix>:<queue>:<key>`): `wait` and `active` lists (a paused
 * queue keeps its jobs in `wait` and has the `paused` field in its `meta` hash; the `paused`
 * list of BullMQ < 5 is not read, as `getJobCounts()` does not count it), `prioritized`,
 * `delayed`, `failed` and `completed` sorted sets, `id` (the job id counter), `metrics:completed` / `metrics:failed` hashes
 * (`count`, only when workers run with the `metrics` option) and one hash per job.
 *
 * The oldest waiting job is found among the ends of `wait` and the first job of each priority
 * band of `prioritized` (up to {@link MAX_PRIORITY_BANDS} bands); see the comments in the script.
 */
export const QUEUE_COUNTS_SCRIPT = `
local rcall = redis.call
local prefix = ARGV[1]
local BAND = 4294967296
local result = {}

local function isMarker(id)
  return string.sub(id, 1, 2) == "0:"
end

-- the enqueue time of the oldest of these jobs: with BullMQ's own ids (an increasing
-- counter) the smallest id is the oldest job and only its hash is read
local function oldestOf(queueKey, ids)
  if #ids == 0 then return -1 end
  local minId = nil
  for _, id in ipairs(ids) do
    local n = tonumber(id)
    if not n or string.match(id, "^%d+$") == nil then minId = nil break end
    if not minId or n < minId then minId = n end
  end
  if minId then
    return tonumber(rcall("HGET", queueKey .. string.format("%d", minId), "timestamp")) or -1
  end
  local oldest = -1
  for _, id in ipairs(ids) do
    local t = tonumber(rcall("HGET", queueKey .. id, "timestamp"))
    if t and (oldest < 0 or t < oldest) then oldest = t end
  end
  return oldest
end

for i = 2, #ARGV do
  local q = prefix .. ":" .. ARGV[i] .. ":"
  local candidates = {}

  -- wait: the count as BullMQ's getCounts computes it (a legacy marker "0:..." at the tail
  -- is not a job); FIFO jobs are LPUSHed and taken from the right, LIFO ones RPUSHed, so
  -- the oldest job is at one of the ends
  local waitKey = q .. "wait"
  local wait = rcall("LLEN", waitKey)
  if wait > 0 then
    local tail = rcall("LINDEX", waitKey, -1)
    if isMarker(tail) then
      wait = wait - 1
      tail = wait > 0 and rcall("LINDEX", waitKey, -2) or nil
    end
    if tail then candidates[#candidates + 1] = tail end
    if wait > 1 then candidates[#candidates + 1] = rcall("LINDEX", waitKey, 0) end
  end

  -- prioritized: score = priority * 2^32 + counter, so each priority band's first job is
  -- its oldest; one band (the usual case) costs two reads by rank
  local prioKey = q .. "prioritized"
  local prioritized = rcall("ZCARD", prioKey)
  if prioritized > 0 then
    local head = rcall("ZRANGE", prioKey, 0, 0, "WITHSCORES")
    candidates[#candidates + 1] = head[1]
    if prioritized > 1 then
      local band = math.floor(tonumber(head[2]) / BAND)
      local last = math.floor(tonumber(rcall("ZRANGE", prioKey, -1, -1, "WITHSCORES")[2]) / BAND)
      local bands = 1
      while band < last and bands < ${MAX_PRIORITY_BANDS} do
        local nextHead = rcall("ZRANGEBYSCORE", prioKey,
          string.format("%.0f", (band + 1) * BAND), "+inf", "WITHSCORES", "LIMIT", 0, 1)
        if #nextHead == 0 then break end
        candidates[#candidates + 1] = nextHead[1]
        band = math.floor(tonumber(nextHead[2]) / BAND)
        bands = bands + 1
      end
    end
  end

  result[#result + 1] = wait + prioritized
  result[#result + 1] = rcall("LLEN", q .. "active")
  result[#result + 1] = rcall("ZCARD", q .. "delayed")
  result[#result + 1] = rcall("ZCARD", q .. "failed")
  result[#result + 1] = rcall("ZCARD", q .. "completed")
  result[#result + 1] = rcall("HEXISTS", q .. "meta", "paused")
  result[#result + 1] = tonumber(rcall("GET", q .. "id")) or -1
  result[#result + 1] = tonumber(rcall("HGET", q .. "metrics:completed", "count")) or -1
  result[#result + 1] = tonumber(rcall("HGET", q .. "metrics:failed", "count")) or -1
  result[#result + 1] = oldestOf(q, candidates)
end
return result
`;

const absent = (value: number) => (value < 0 ? undefined : value);

/** Turns the script's reply for `queueNames` into snapshots (without tenant). */
export function parseQueueCounts(
  queueNames: string[],
  reply: number[],
): Omit<QueueSnapshot, 'tenantId'>[] {
  if (reply.length !== queueNames.length * FIELDS_PER_QUEUE) {
    throw new Error(
      `Unexpected reply of the queue counts script: ${reply.length} values for ${queueNames.length} queues`,
    );
  }
  return queueNames.map((name, index) => {
    const [
      waiting,
      active,
      delayed,
      failed,
      completed,
      paused,
      enqueued,
      completedTotal,
      failedTotal,
      oldestWaiting,
    ] = reply.slice(index * FIELDS_PER_QUEUE, (index + 1) * FIELDS_PER_QUEUE);
    const oldest = absent(oldestWaiting);
    return {
      name,
      counts: { waiting, active, delayed, failed, completed },
      paused: paused === 1,
      oldestWaitingAt:
        oldest === undefined ? undefined : new Date(oldest).toISOString(),
      totals: {
        enqueued: absent(enqueued) ?? 0,
        completed: absent(completedTotal),
        failed: absent(failedTotal),
      },
    };
  });
}
