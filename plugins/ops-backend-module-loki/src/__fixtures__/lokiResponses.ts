// Loki query API answers in the shapes documented in grafana/loki
// docs/sources/reference/loki-http-api.md ("Query logs within a range of time",
// "Query logs at a single point in time", "Statistics"): a streams result of
// `{ stream: {labels}, values: [["<ns>", "<line>"]] }` (newest first for
// direction=backward, oldest first for forward), a matrix result of
// `{ metric: {labels}, values: [[<seconds>, "<value>"]] }` and a vector result of
// `{ metric: {labels}, value: [<seconds>, "<value>"] }`.

/** The statistics block every query answer carries (all counters, as documented). */
export const STATS = {
  ingester: {
    compressedBytes: 0,
    decompressedBytes: 0,
    decompressedLines: 0,
    headChunkBytes: 0,
    headChunkLines: 0,
    totalBatches: 0,
    totalChunksMatched: 0,
    totalDuplicates: 0,
    totalLinesSent: 0,
    totalReached: 0,
  },
  store: {
    compressedBytes: 0,
    decompressedBytes: 0,
    decompressedLines: 0,
    chunksDownloadTime: 0,
    totalChunksRef: 0,
    totalChunksDownloaded: 0,
    totalDuplicates: 0,
  },
  summary: {
    bytesProcessedPerSecond: 0,
    execTime: 0,
    linesProcessedPerSecond: 0,
    queueTime: 0,
    totalBytesProcessed: 0,
    totalLinesProcessed: 0,
  },
};

export type Stream = {
  stream: Record<string, string>;
  values: Array<[string, string]>;
};

export function streamsResponse(result: Stream[]) {
  return {
    status: 'success',
    data: { resultType: 'streams', result, stats: STATS },
  };
}

export function matrixResponse(
  result: Array<{
    metric: Record<string, string>;
    values: Array<[number, string]>;
  }>,
) {
  return {
    status: 'success',
    data: { resultType: 'matrix', result, stats: STATS },
  };
}

export function vectorResponse(
  result: Array<{ metric: Record<string, string>; value: [number, string] }>,
) {
  return {
    status: 'success',
    data: { resultType: 'vector', result, stats: STATS },
  };
}

/**
 * Two streams of an OTLP-fed Loki: `service_name` is an index label; `tenant`,
 * `detected_level`, `trace_id`, `span_id` and attributes come back merged into the
 * stream labels (structured metadata), as without the categorize-labels flag.
 */
export const MAILER_STREAMS: Stream[] = [
  {
    stream: {
      service_name: 'mailer',
      tenant: 'acme',
      detected_level: 'error',
      trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
      span_id: '00f067aa0ba902b7',
      smtp_code: '421',
    },
    values: [
      ['1764115200300000000', 'connection refused by mx.acme.example'],
      ['1764115200100000000', 'connection refused by mx.acme.example'],
    ],
  },
  {
    stream: {
      service_name: 'mailer',
      tenant: 'globex',
      detected_level: 'warn',
    },
    values: [['1764115200200000000', 'retrying delivery in 30s']],
  },
];
