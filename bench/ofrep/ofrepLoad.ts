import autocannon from 'autocannon';

export interface LoadFigures {
  label: string;
  durationS: number;
  connections: number;
  /** requests/s asked for; undefined = as fast as the server answers */
  rate?: number;
  requestsPerS: number;
  requests: number;
  latencyMs: {
    p50: number;
    p90: number;
    p99: number;
    max: number;
    mean: number;
  };
  non2xx: number;
  errors: number;
  timeouts: number;
  bytesPerResponse: number;
}

/**
 * autocannon POSTing OFREP requests, cycling through one body per tenant on each
 * keep-alive connection. Without `rate` it sends as fast as answers come (throughput);
 * with it, `rate` requests/s overall (latency at that rate; compare requests with
 * rate × duration for coordinated omission).
 */
export async function runOfrepLoad(options: {
  label: string;
  url: string;
  token: string;
  tenants: number;
  connections: number;
  durationS: number;
  rate?: number;
}): Promise<LoadFigures> {
  const headers = {
    'content-type': 'application/json',
    authorization: `Bearer ${options.token}`,
  };
  const requests = Array.from({ length: options.tenants }, (_, i) => ({
    method: 'POST',
    headers,
    body: JSON.stringify({
      context: { targetingKey: `user-${i}`, tenantId: `tenant-${i}` },
    }),
  }));
  const config = {
    url: options.url,
    connections: options.connections,
    duration: options.durationS,
    timeout: 10,
    requests,
    ...(options.rate ? { overallRate: options.rate } : {}),
  };
  const result = await autocannon(config as Parameters<typeof autocannon>[0]);
  const total = result.requests.total;
  return {
    label: options.label,
    durationS: options.durationS,
    connections: options.connections,
    rate: options.rate,
    requestsPerS: Math.round(total / options.durationS),
    requests: total,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: result.latency.mean,
    },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    bytesPerResponse: total ? Math.round(result.throughput.total / total) : 0,
  };
}
