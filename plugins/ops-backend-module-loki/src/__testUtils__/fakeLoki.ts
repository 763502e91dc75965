// An in-memory stand-in for Loki's `query_range` log queries, for msw: keeps
// entries and answers start (inclusive) / end (exclusive) / limit / direction the
// way the documentation describes, in the documented streams shape. It ignores
// the LogQL itself (every entry matches).

import { http, HttpResponse } from 'msw';
import { Stream, streamsResponse } from '../__fixtures__/lokiResponses';

export interface FakeEntry {
  stream: Record<string, string>;
  ns: bigint;
  line: string;
}

export function fakeLokiHandler(
  baseUrl: string,
  entries: FakeEntry[],
  requests: URL[] = [],
) {
  return http.get(`${baseUrl}/loki/api/v1/query_range`, ({ request }) => {
    const url = new URL(request.url);
    requests.push(url);
    const start = BigInt(url.searchParams.get('start')!);
    const end = BigInt(url.searchParams.get('end')!);
    const limit = Number(url.searchParams.get('limit') ?? 100);
    const forward = url.searchParams.get('direction') === 'forward';
    const picked = entries
      .filter(e => e.ns >= start && e.ns < end)
      .sort((a, b) => {
        if (a.ns === b.ns) return 0;
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
