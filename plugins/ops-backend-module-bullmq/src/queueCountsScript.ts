/** Priority bands whose oldest job is read per queue (BullMQ allows priorities 0 - 2^21). */
export const MAX_PRIORITY_BANDS = 16;

/**
 * A `prioritized` set of at most this many jobs is read whole (one `ZRANGE`, ids only) and
 * every job of it is a candidate; a larger one is walked band by band with scores.
 */
export const PRIORITIZED_READ_WHOLE = 8;

/**
 * The queue-level keys the counts script reads (job hashes and totals aside); the key at
 * index i is bit 2^i of a read mask.
 */
export const QUEUE_KEYS = [
  'wait',
  'active',
  'prioritized',
  'delayed',
  'failed',
  'completed',
  'meta',
] as const;

/** The mask that reads every key of a queue. */
export const EVERY_KEY = (1 << QUEUE_KEYS.length) - 1;

/** The read mask of some of {@link QUEUE_KEYS} (other names are ignored). */
export function maskOf(keys: Iterable<string>): number {
  let mask = 0;
  for (const key of keys) {
    const bit = (QUEUE_KEYS as readonly string[]).indexOf(key);
    if (bit >= 0) mask |= 1 << bit;
  }
  return mask;
}

/**
 * A Lua script that reads what the overview shows of many BullMQ queues in ONE call, on the
 * server — of each queue only the keys its read mask names: the counts exactly as BullMQ's
 * `getCounts` script computes them for `Queue.getJobCounts()`, the paused flag, the enqueue
 * time of the oldest waiting job of `wait` and of `prioritized`, and, only when asked, the
 * cumulative totals (job id counter, metrics counters).
 *
 * ARGV[1] is the key prefix, ARGV[2] `1` to read the totals (else `0`), ARGV[3] the read
 * masks, one byte per queue (bit 2^i: {@link QUEUE_KEYS}[i]), ARGV[4..] the queue names. Per
 * queue the reply holds 9 integers — `wait active prioritized delayed failed completed paused
 * waitOldest prioritizedOldest` — then with totals `enqueued completedTotal failedTotal`. -2
 * stands for not read (its key not in the mask), -1 for absent (no such job, no metrics; a
 * nil would end a Lua array). {@link parseQueueCounts} reads it.
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
 * band heads, one read without scores). Of each key's candidates, when every id is a BullMQ
 * counter id (an increasing number) the smallest is the oldest job and only its hash is read;
 * otherwise the hash of every candidate, and the earliest time wins.
 */
export const QUEUE_COUNTS_SCRIPT = `
local rcall = redis.call
local band = bit.band
local prefix = ARGV[1]
local withTotals = ARGV[2] == "1"
local masks = ARGV[3]
local BAND = 4294967296
local NOT_READ = -2
local result = {}
local n = 0
-- numeric arguments are passed as strings: Redis would format each Lua number on every call

-- the candidates of the key being read: candidates[1..nc] (one table, reused)
local candidates = {}
local nc = 0
local function candidate(id)
  nc = nc + 1
  candidates[nc] = id
end

-- the enqueue time of the oldest candidate (-1: none): the smallest counter id's, else the
-- earliest of all (ids that are not counters, or the smallest job's hash is gone)
local function oldestCandidate(q)
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
    for j = 1, nc do
      local t = tonumber(rcall("HGET", q .. candidates[j], "timestamp"))
      if t and (oldest < 0 or t < oldest) then oldest = t end
    end
  end
  return oldest
end

for i = 4, #ARGV do
  local q = prefix .. ":" .. ARGV[i] .. ":"
  local mask = string.byte(masks, i - 3)

  -- wait: the count as BullMQ's getCounts computes it (a legacy marker "0:..." at the tail
  -- is not a job), and its candidates: both ends
  if band(mask, 1) ~= 0 then
    nc = 0
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
    result[n + 1] = wait
    result[n + 8] = oldestCandidate(q)
  else
    result[n + 1] = NOT_READ
    result[n + 8] = NOT_READ
  end

  result[n + 2] = band(mask, 2) ~= 0 and rcall("LLEN", q .. "active") or NOT_READ

  -- prioritized: its count and candidates, the first job of each band
  if band(mask, 4) ~= 0 then
    nc = 0
    local prioKey = q .. "prioritized"
    local prioritized = rcall("ZCARD", prioKey)
    if prioritized > 0 and prioritized <= ${PRIORITIZED_READ_WHOLE} then
      local ids = rcall("ZRANGE", prioKey, "0", "-1")
      for j = 1, #ids do candidate(ids[j]) end
    elseif prioritized > 0 then
      -- each band's first job: the head, then the first job above each band up to the tail's
      local first = rcall("ZRANGE", prioKey, "0", "0", "WITHSCORES")
      candidate(first[1])
      local b = math.floor(tonumber(first[2]) / BAND)
      local last = math.floor(tonumber(rcall("ZRANGE", prioKey, "-1", "-1", "WITHSCORES")[2]) / BAND)
      local bands = 1
      while b < last and bands < ${MAX_PRIORITY_BANDS} do
        local nextHead = rcall("ZRANGEBYSCORE", prioKey,
          string.format("%.0f", (b + 1) * BAND), "+inf", "WITHSCORES", "LIMIT", "0", "1")
        if #nextHead == 0 then break end
        candidate(nextHead[1])
        b = math.floor(tonumber(nextHead[2]) / BAND)
        bands = bands + 1
      end
    end
    result[n + 3] = prioritized
    result[n + 9] = oldestCandidate(q)
  else
    result[n + 3] = NOT_READ
    result[n + 9] = NOT_READ
  end

  result[n + 4] = band(mask, 8) ~= 0 and rcall("ZCARD", q .. "delayed") or NOT_READ
  result[n + 5] = band(mask, 16) ~= 0 and rcall("ZCARD", q .. "failed") or NOT_READ
  result[n + 6] = band(mask, 32) ~= 0 and rcall("ZCARD", q .. "completed") or NOT_READ
  result[n + 7] = band(mask, 64) ~= 0 and rcall("HEXISTS", q .. "meta", "paused") or NOT_READ
  n = n + 9
  if withTotals then
    result[n + 1] = tonumber(rcall("GET", q .. "id")) or -1
    result[n + 2] = tonumber(rcall("HGET", q .. "metrics:completed", "count")) or -1
    result[n + 3] = tonumber(rcall("HGET", q .. "metrics:failed", "count")) or -1
    n = n + 3
  end
end
return result
`;

/**
 * What the counts script read of one queue: only the fields of the keys in its read mask.
 * `waitOldest` / `prioritizedOldest`: the enqueue time (ms) of the oldest job of `wait` /
 * `prioritized`, null when there is none.
 */
export interface QueueCounts {
  wait?: number;
  active?: number;
  prioritized?: number;
  delayed?: number;
  failed?: number;
  completed?: number;
  paused?: boolean;
  waitOldest?: number | null;
  prioritizedOldest?: number | null;
  totals?: { enqueued: number; completed?: number; failed?: number };
}

const NOT_READ = -2;
const VALUES = 9;

/** Reads the counts script's reply for `queueNames` (read with `totals` or without). */
export function parseQueueCounts(
  queueNames: string[],
  reply: unknown,
  totals: boolean,
): QueueCounts[] {
  const width = VALUES + (totals ? 3 : 0);
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
  return queueNames.map((_, index) => {
    const at = index * width;
    const read: QueueCounts = {};
    const count = (field: keyof QueueCounts, offset: number) => {
      const value = values[at + offset];
      if (value !== NOT_READ) (read as Record<string, number>)[field] = value;
    };
    const time = (
      field: 'waitOldest' | 'prioritizedOldest',
      offset: number,
    ) => {
      const value = values[at + offset];
      if (value !== NOT_READ) read[field] = value < 0 ? null : value;
    };
    count('wait', 0);
    count('active', 1);
    count('prioritized', 2);
    count('delayed', 3);
    count('failed', 4);
    count('completed', 5);
    if (values[at + 6] !== NOT_READ) read.paused = values[at + 6] === 1;
    time('waitOldest', 7);
    time('prioritizedOldest', 8);
    if (totals) {
      const absent = (value: number) => (value < 0 ? undefined : value);
      read.totals = {
        enqueued: absent(values[at + 9]) ?? 0,
        completed: absent(values[at + 10]),
        failed: absent(values[at + 11]),
      };
    }
    return read;
  });
}
