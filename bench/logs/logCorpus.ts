/**
 * What the bench's log records look like, shared by the OTLP bodies of part A and the SQL
 * seed of part B: a mail platform's services, its tenants and its log lines.
 */

/** Services; `mailer` gets a larger share in the seed (the search looks at it). */
export const SERVICES = [
  'mailer',
  'api',
  'smtp-relay',
  'bounce-processor',
  'scheduler',
  'web',
  'auth',
  'billing',
  'webhooks',
  'tracker',
];

export const TENANTS = 500;

export const tenantName = (n: number) =>
  `tenant-${String(n % TENANTS).padStart(4, '0')}`;

/** OpenTelemetry severity numbers of the levels the bench sends. */
export const SEVERITIES = [
  { number: 5, text: 'DEBUG' },
  { number: 9, text: 'INFO' },
  { number: 13, text: 'WARN' },
  { number: 17, text: 'ERROR' },
];

/** Log lines of debug/info records; `#` is replaced by a number. */
export const NORMAL_MESSAGES = [
  'Delivered message # to recipient in # ms (250 2.0.0 OK)',
  'Accepted message # from tenant API key, 3 recipients',
  'GET /api/v1/messages/# 200 in # ms',
  'POST /api/v1/messages 202 in # ms',
  'Queue outbound-email depth # (rate # msg/s)',
  'TLS handshake with mx#.example.net completed in # ms',
  'Connection to mx#.example.net:25 established in # ms',
];

/** The line the search looks for (10 % of warn+ records, 1 % of the others). */
export const REFUSED_MESSAGE =
  'SMTP connection to mx#.example.net:25 failed: connection refused';

/** Other log lines of warn/error/fatal records. */
export const PROBLEM_MESSAGES = [
  'Retrying job # after timeout (attempt 2 of 5)',
  'Bounce received for message #: 550 5.1.1 user unknown',
  'Relay refused for sender #: not permitted by policy',
  'Webhook delivery # failed: connect ECONNREFUSED 10.0.3.#:443',
  'Connection pool exhausted, # waiting',
];

/** Every line, for the OTLP bodies. */
export const MESSAGES = [
  ...NORMAL_MESSAGES,
  REFUSED_MESSAGE,
  ...PROBLEM_MESSAGES,
];

/** A lower-case hex string of `length` characters derived from `n` (ids look random, stay cheap). */
export function hexOf(n: number, length: number) {
  let out = '';
  let x = (n * 2654435761 + 0x9e3779b9) >>> 0;
  while (out.length < length) {
    x = (x ^ (x << 13)) >>> 0;
    x = (x ^ (x >>> 17)) >>> 0;
    x = (x ^ (x << 5)) >>> 0;
    out += x.toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}
