import autocannon from 'autocannon';

export interface FleetLoadFigures {
  durationS: number;
  rate: number;
  connections: number;
  latencyMs: {
    p50: number;
    p90: number;
    p99: number;
    max: number;
    mean: number;
  };
  requests: number;
  expectedRequests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  bytesPerResponse: number;
}

/**
 * Fixed-rate load on the fleet summary with autocannon: `rate` requests/s overall spread
 * over `connections` keep-alive connections, for `durationS` seconds. autocannon times each
 * request from when it is sent, so when the server falls behind the rate the next requests
 * are sent late (coordinated omission): compare `requests` with `expectedRequests`.
 */
export async function runFleetLoad(options: {
  url: string;
  rate: number;
  connections: number;
  durationS: number;
}): Promise<FleetLoadFigures> {
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    overallRate: options.rate,
    duration: options.durationS,
    timeout: 10,
  });
  const requests = result.requests.total;
  return {
    durationS: options.durationS,
    rate: options.rate,
    connections: options.connections,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: result.latency.mean,
    },
    requests,
    expectedRequests: Math.round(options.rate * options.durationS),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    bytesPerResponse: requests
      ? Math.round(result.throughput.total / requests)
      : 0,
  };
}
