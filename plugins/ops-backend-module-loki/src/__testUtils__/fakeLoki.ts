// An in-memory stand-in for Loki's `query_range` log queries, for msw: keeps
// entries and answers start (inclusive) / end (exclusive) / limit / direction the
// way the documentation describes, in the documented streams shape. It ignores
// the LogQL itself (every entry matches). Like Loki, it picks freely among
// entries of one instant when the limit cuts through it: with `shuffleTies` in
// a different order on every request.

import { http, HttpResponse } from 'msw';
import { Stream, streamsResponse } from '../__fixtures__/lokiResponses';

export interface FakeEntry {
  stream: Record<string, string>;
  ns: bigint;
  line: string;
}

/** A small deterministic pseudo-random generator (mulberry32). */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function fakeLokiHandler(
  baseUrl: string,
  entries: FakeEntry[],
  requests: URL[] = [],
  options: { shuffleTies?: boolean } = {},
) {
  return http.get(`${baseUrl}/loki/api/v1/query_range`, ({ request }) => {
    const url = new URL(request.url);
    requests.push(url);
    const start = BigInt(url.searchParams.get('start')!);
    const end = BigInt(url.searchParams.get('end')!);
    const limit = Number(url.searchParams.get('limit') ?? 100);
    const forward = url.searchParams.get('direction') === 'forward';
    const next = random(requests.length);
    const tie = new Map(
      entries.map(e => [e, options.shuffleTies ? next() : 0]),
    );
    const picked = entries
      .filter(e => e.ns >= start && e.ns < end)
      .sort((a, b) => {
        if (a.ns === b.ns) return tie.get(a)! - tie.get(b)!;
        return (a.ns < b.ns ? -1 : 1) * (forward ? 1 : -1);
      })
      .slice(0, limit);
    const streams = new Map<string, Stream>();
    for (const e of picked) {
      const key = JSON.stringify(e.stream);
      if (!streams.has(key)) streams.set(key, { stream: e.stream, values: [] });
      streams.get(key)!.values.push([e.ns.toString(), e.line]);
    }
    return HttpResponse.json(streamsResponse([...streams.values()]));
  });
}
