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
 * `Queue.getJobCounts()`, the paused flag, the ids of the jobs that may be the oldest waiting
 * one (the candidates) and, only when asked, the cumulative totals (job id counter, metrics
 * counters). It reads no job hash: the enqueue times of the candidates are resolved by the
 * provider from its cache, or by {@link JOB_TIMESTAMPS_SCRIPT} for the ids it has not seen.
 *
 * ARGV[1] is the key prefix, ARGV[2] `1` to read the totals (else `0`), ARGV[3..] the queue
 * names. Per queue the reply holds, flat: `waiting active delayed failed completed`
 * (integers), then with totals `enqueued completedTotal failedTotal` (integers, -1 for
 * absent: a nil would end a Lua array), then `paused + 2 * candidates` (the paused flag, 0 or
 * 1, and the number of candidates in one integer) and the candidate ids (strings).
 * {@link parseQueueCounts} reads it.
 *
 * Key layout of BullMQ 5/6 (`<prefix>:<queue>:<key>`): `wait` and `active` lists (a paused
 * queue keeps its jobs in `wait` and has the `paused` field in its `meta` hash; the `paused`
 * list of BullMQ < 5 is not read, as `getJobCounts()` does not count it), `prioritized`,
 * `delayed`, `failed` and `completed` sorted sets, `id` (the job id counter),
 * `metrics:completed` / `metrics:failed` hashes (`count`, only when workers run with the
 * `metrics` option) and one hash per job.
 *
 * Candidates: both ends of `wait` (FIFO jobs are LPUSHed and taken from the right, LIFO ones
 * RPUSHed, so the oldest is at one of the ends) and the first job of each priority band of
 * `prioritized` (score = priority * 2^32 + counter, so a band's first job is its oldest), up
 * to {@link MAX_PRIORITY_BANDS} bands; a set of at most {@link PRIORITIZED_READ_WHOLE} jobs is
 * returned whole instead (a superset of its band heads, one read without scores).
 */
export const QUEUE_COUNTS_SCRIPT = `
local rcall = redis.call
local prefix = ARGV[1]
local withTotals = ARGV[2] == "1"
local BAND = 4294967296
local result = {}
local n = 0
-- numeric arguments are passed as strings: Redis would format each Lua number on every call

for i = 3, #ARGV do
  local q = prefix .. ":" .. ARGV[i] .. ":"

  -- wait: the count as BullMQ's getCounts computes it (a legacy marker "0:..." at the tail
  -- is not a job)
  local waitKey = q .. "wait"
  local wait = rcall("LLEN", waitKey)
  local tail, head
  if wait > 0 then
    tail = rcall("LINDEX", waitKey, "-1")
    if string.byte(tail, 1) == 48 and string.byte(tail, 2) == 58 then -- "0:"
      wait = wait - 1
      tail = wait > 0 and rcall("LINDEX", waitKey, "-2") or nil
    end
    if wait > 1 then head = rcall("LINDEX", waitKey, "0") end
  end
  local prioKey = q .. "prioritized"
  local prioritized = rcall("ZCARD", prioKey)

  result[n + 1] = wait + prioritized
  result[n + 2] = rcall("LLEN", q .. "active")
  result[n + 3] = rcall("ZCARD", q .. "delayed")
  result[n + 4] = rcall("ZCARD", q .. "failed")
  result[n + 5] = rcall("ZCARD", q .. "completed")
  local paused = rcall("HEXISTS", q .. "meta", "paused")
  n = n + 5
  if withTotals then
    result[n + 1] = tonumber(rcall("GET", q .. "id")) or -1
    result[n + 2] = tonumber(rcall("HGET", q .. "metrics:completed", "count")) or -1
    result[n + 3] = tonumber(rcall("HGET", q .. "metrics:failed", "count")) or -1
    n = n + 3
  end

  -- the paused flag and the number of candidates, then the candidates
  local countAt = n + 1
  n = countAt
  if tail then n = n + 1 result[n] = tail end
  if head then n = n + 1 result[n] = head end
  if prioritized > 0 and prioritized <= ${PRIORITIZED_READ_WHOLE} then
    local ids = rcall("ZRANGE", prioKey, "0", "-1")
    for j = 1, #ids do result[n + j] = ids[j] end
    n = n + #ids
  elseif prioritized > 0 then
    -- each band's first job: the head, then the first job above each band up to the tail's
    local first = rcall("ZRANGE", prioKey, "0", "0", "WITHSCORES")
    n = n + 1 result[n] = first[1]
    local band = math.floor(tonumber(first[2]) / BAND)
    local last = math.floor(tonumber(rcall("ZRANGE", prioKey, "-1", "-1", "WITHSCORES")[2]) / BAND)
    local bands = 1
    while band < last and bands < ${MAX_PRIORITY_BANDS} do
      local nextHead = rcall("ZRANGEBYSCORE", prioKey,
        string.format("%.0f", (band + 1) * BAND), "+inf", "WITHSCORES", "LIMIT", "0", "1")
      if #nextHead == 0 then break end
      n = n + 1 result[n] = nextHead[1]
      band = math.floor(tonumber(nextHead[2]) / BAND)
      bands = bands + 1
    end
  end
  result[countAt] = paused + 2 * (n - countAt)
end
return result
`;

/**
 * A Lua script that reads the `timestamp` field of job hashes: ARGV are the job keys
 * (`<prefix>:<queue>:<jobId>`); the reply holds one integer per key, -1 when the job (or its
 * timestamp) is gone.
 */
export const JOB_TIMESTAMPS_SCRIPT = `
local rcall = redis.call
local result = {}
for i = 1, #ARGV do
  result[i] = tonumber(rcall("HGET", ARGV[i], "timestamp")) or -1
end
return result
`;

/** One queue as the counts script reads it; `tenantId` and `oldestWaitingAt` are left unset. */
export interface QueueCountsRow {
  snapshot: QueueSnapshot;
  /** Ids of the jobs that may be the oldest waiting one (see {@link QUEUE_COUNTS_SCRIPT}). */
  candidates: string[];
}

const absent = (value: number) => (value < 0 ? undefined : value);

function replyError(queueNames: string[], detail: string) {
  return new Error(
    `Unexpected reply of the queue counts script for ${queueNames.length} queues: ${detail}`,
  );
}

/** Reads the counts script's reply for `queueNames` (read with `totals` or without). */
export function parseQueueCounts(
  queueNames: string[],
  reply: Array<number | string>,
  totals: boolean,
): QueueCountsRow[] {
  const fixed = totals ? 8 : 5;
  let at = 0;
  const rows = queueNames.map(name => {
    if (at + fixed + 1 > reply.length) {
      throw replyError(queueNames, `${reply.length} values`);
    }
    const waiting = reply[at] as number;
    const active = reply[at + 1] as number;
    const delayed = reply[at + 2] as number;
    const failed = reply[at + 3] as number;
    const completed = reply[at + 4] as number;
    const row: QueueCountsRow = {
      snapshot: {
        name,
        tenantId: undefined,
        counts: { waiting, active, delayed, failed, completed },
        paused: false,
        oldestWaitingAt: undefined,
      },
      candidates: [],
    };
    if (totals) {
      row.snapshot.totals = {
        enqueued: absent(reply[at + 5] as number) ?? 0,
        completed: absent(reply[at + 6] as number),
        failed: absent(reply[at + 7] as number),
      };
    }
    at += fixed;
    const packed = reply[at] as number;
    const count = Math.floor(packed / 2);
    row.snapshot.paused = packed % 2 === 1;
    if (typeof packed !== 'number' || at + 1 + count > reply.length) {
      throw replyError(queueNames, `bad candidate count at ${at}`);
    }
    for (let i = 1; i <= count; i++) row.candidates.push(String(reply[at + i]));
    at += 1 + count;
    return row;
  });
  if (at !== reply.length) {
    throw replyError(queueNames, `${reply.length - at} values left over`);
  }
  return rows;
}

/** True for a non-empty string of ASCII digits (what `^%d+$` matches in Lua). */
function isCounterId(id: string) {
  if (id.length === 0) return false;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * The candidates whose enqueue time is needed: when every id is a BullMQ counter id (an
 * increasing number) the smallest is the oldest job and only it is needed; otherwise all.
 */
export function candidatesToResolve(candidates: string[]): string[] {
  if (candidates.length <= 1) return candidates;
  let min = candidates[0];
  let minValue = Number(min);
  for (const id of candidates) {
    if (!isCounterId(id)) return candidates;
    const value = Number(id);
    if (value < minValue) {
      min = id;
      minValue = value;
    }
  }
  return [min];
}
