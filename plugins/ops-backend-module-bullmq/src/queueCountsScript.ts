import { QueueSnapshot } from '@opsconsole/backstage-plugin-ops-node';

/** Priority bands whose oldest job is read per queue (BullMQ allows priorities 0 - 2^21). */
export const MAX_PRIORITY_BANDS = 16;

/**
 * A `prioritized` set of at most this many jobs is read whole (one `ZRANGE`, ids only) and
 * every job of it is a candidate; a larger one is walked band by band with scores.
 */
export const PRIORITIZED_READ_WHOLE = 8;

/**
 * A Lua script that reads everything the overview shows of many BullMQ queues in ONE call,
 * on the server: the counts exactly as BullMQ's `getCounts` script computes them for
 * `Queue.getJobCounts()`, the paused flag, the enqueue time of the oldest waiting job and,
 * only when asked, the cumulative totals (job id counter, metrics counters).
 *
 * ARGV[1] is the key prefix, ARGV[2] `1` to read the totals (else `0`), ARGV[3..] the queue
 * names. Per queue the reply holds {@link valuesPerQueue} integers: `waiting active delayed
 * failed completed`, then with totals `enqueued completedTotal failedTotal`, then `paused`
 * (0 or 1) and `oldestWaitingAt` (ms since the epoch). -1 stands for absent (a nil would end
 * a Lua array). {@link parseQueueCounts} reads it.
 *
 * Key layout of BullMQ 5/6 (`<prefix>:<queue>:<key>`): `wait` and `active` lists (a paused
 * queue keeps its jobs in `wait` and has the `paused` field in its `meta` hash; the `paused`
 * list of BullMQ < 5 is not read, as `getJobCounts()` does not count it), `prioritized`,
 * `delayed`, `failed` and `completed` sorted sets, `id` (the job id counter),
 * `metrics:completed` / `metrics:failed` hashes (`count`, only when workers run with the
 * `metrics` option) and one hash per job (`timestamp`: its enqueue time).
 *
 * The oldest waiting job is one of the candidates: both ends of `wait` (FIFO jobs are
 * LPUSHed and taken from the right, LIFO ones RPUSHed, so the oldest is at one of the ends)
 * and the first job of each priority band of `prioritized` (score = priority * 2^32 +
 * counter, so a band's first job is its oldest), up to {@link MAX_PRIORITY_BANDS} bands; a set
 * of at most {@link PRIORITIZED_READ_WHOLE} jobs is taken whole instead (a superset of its
 * band heads, one read without scores). When every candidate id is a BullMQ counter id (an
 * increasing number) the smallest is the oldest job and only its hash is read; otherwise the
 * hash of every candidate, and the earliest time wins. {@link QUEUE_KEYS} are the keys it
 * reads besides job hashes and totals.
 */
export const QUEUE_COUNTS_SCRIPT = `
local rcall = redis.call
local prefix = ARGV[1]
local withTotals = ARGV[2] == "1"
local BAND = 4294967296
local result = {}
local n = 0
-- numeric arguments are passed as strings: Redis would format each Lua number on every call

-- the candidates of the queue being read: candidates[1..nc] (one table, reused)
local candidates = {}
local nc = 0
local function candidate(id)
  nc = nc + 1
  candidates[nc] = id
end

for i = 3, #ARGV do
  local q = prefix .. ":" .. ARGV[i] .. ":"
  nc = 0

  -- wait: the count as BullMQ's getCounts computes it (a legacy marker "0:..." at the tail
  -- is not a job)
  local waitKey = q .. "wait"
  local wait = rcall("LLEN", waitKey)
  if wait > 0 then
    local tail = rcall("LINDEX", waitKey, "-1")
    if string.byte(tail, 1) == 48 and string.byte(tail, 2) == 58 then -- "0:"
      wait = wait - 1
      tail = wait > 0 and rcall("LINDEX", waitKey, "-2") or nil
    end
    if tail then candidate(tail) end
    if wait > 1 then candidate(rcall("LINDEX", waitKey, "0")) end
  end
  local prioKey = q .. "prioritized"
  local prioritized = rcall("ZCARD", prioKey)

  result[n + 1] = wait + prioritized
  result[n + 2] = rcall("LLEN", q .. "active")
  result[n + 3] = rcall("ZCARD", q .. "delayed")
  result[n + 4] = rcall("ZCARD", q .. "failed")
  result[n + 5] = rcall("ZCARD", q .. "completed")
  n = n + 5
  if withTotals then
    result[n + 1] = tonumber(rcall("GET", q .. "id")) or -1
    result[n + 2] = tonumber(rcall("HGET", q .. "metrics:completed", "count")) or -1
    result[n + 3] = tonumber(rcall("HGET", q .. "metrics:failed", "count")) or -1
    n = n + 3
  end
  result[n + 1] = rcall("HEXISTS", q .. "meta", "paused")

  if prioritized > 0 and prioritized <= ${PRIORITIZED_READ_WHOLE} then
    local ids = rcall("ZRANGE", prioKey, "0", "-1")
    for j = 1, #ids do candidate(ids[j]) end
  elseif prioritized > 0 then
    -- each band's first job: the head, then the first job above each band up to the tail's
    local first = rcall("ZRANGE", prioKey, "0", "0", "WITHSCORES")
    candidate(first[1])
    local band = math.floor(tonumber(first[2]) / BAND)
    local last = math.floor(tonumber(rcall("ZRANGE", prioKey, "-1", "-1", "WITHSCORES")[2]) / BAND)
    local bands = 1
    while band < last and bands < ${MAX_PRIORITY_BANDS} do
      local nextHead = rcall("ZRANGEBYSCORE", prioKey,
        string.format("%.0f", (band + 1) * BAND), "+inf", "WITHSCORES", "LIMIT", "0", "1")
      if #nextHead == 0 then break end
      candidate(nextHead[1])
      band = math.floor(tonumber(nextHead[2]) / BAND)
      bands = bands + 1
    end
  end

  -- the oldest candidate's enqueue time: the smallest counter id's, else the earliest of all
  local smallest, smallestId = nil, nil
  for j = 1, nc do
    local id = candidates[j]
    local value = string.match(id, "^%d+$") and tonumber(id)
    if not value then smallest, smallestId = nil, nil break end
    if not smallest or value < smallest then smallest, smallestId = value, id end
  end
  local oldest = -1
  if smallestId then
    oldest = tonumber(rcall("HGET", q .. smallestId, "timestamp")) or -1
  end
  if oldest < 0 then
    -- ids that are not counters, or the smallest job's hash is gone: compare every time
    for j = 1, nc do
      local t = tonumber(rcall("HGET", q .. candidates[j], "timestamp"))
      if t and (oldest < 0 or t < oldest) then oldest = t end
    end
  end
  result[n + 2] = oldest
  n = n + 2
end
return result
`;

/** The queue-level keys the counts script reads (totals and job hashes aside). */
export const QUEUE_KEYS = [
  'wait',
  'active',
  'prioritized',
  'delayed',
  'failed',
  'completed',
  'meta',
] as const;

/** Integers per queue in the counts script's reply. */
export const valuesPerQueue = (totals: boolean) => (totals ? 10 : 7);

const absent = (value: number) => (value < 0 ? undefined : value);

/** Reads the counts script's reply for `queueNames` (read with `totals` or without). */
export function parseQueueCounts(
  queueNames: string[],
  reply: unknown,
  totals: boolean,
): QueueSnapshot[] {
  const width = valuesPerQueue(totals);
  if (
    !Array.isArray(reply) ||
    reply.length !== queueNames.length * width ||
    reply.some(value => typeof value !== 'number')
  ) {
    throw new Error(
      `Unexpected reply of the queue counts script for ${
        queueNames.length
      } queues: ${
        Array.isArray(reply) ? `${reply.length} values` : typeof reply
      }`,
    );
  }
  const values = reply as number[];
  return queueNames.map((name, index) => {
    const at = index * width;
    const [waiting, active, delayed, failed, completed] = values.slice(
      at,
      at + 5,
    );
    const oldest = values[at + width - 1];
    const snapshot: QueueSnapshot = {
      name,
      tenantId: undefined,
      counts: { waiting, active, delayed, failed, completed },
      paused: values[at + width - 2] === 1,
      oldestWaitingAt: oldest < 0 ? undefined : new Date(oldest).toISOString(),
    };
    if (totals) {
      snapshot.totals = {
        enqueued: absent(values[at + 5]) ?? 0,
        completed: absent(values[at + 6]),
        failed: absent(values[at + 7]),
      };
    }
    return snapshot;
  });
}
