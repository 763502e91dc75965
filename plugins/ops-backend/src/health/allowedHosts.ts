/**
 * SSRF guard for health targets: a URL may be probed only when it is http(s) and its host
 * matches one of `ops.health.allowedHosts`. Patterns: `host`, `host:port`, `*.domain`
 * (any subdomain), `*.domain:port`, or `*` (anything; not recommended).
 */
export type UrlVerdict =
  | { allowed: true; url: URL }
  | { allowed: false; reason: string };

export class AllowedHosts {
  private readonly patterns: Array<{
    host: string;
    port?: string;
    wildcard: boolean;
  }>;

  constructor(private readonly raw: string[]) {
    this.patterns = raw.map(pattern => {
      const trimmed = pattern.trim().toLowerCase();
      const match = /^(.*?)(?::(\d+))?$/.exec(trimmed)!;
      const host = match[1];
      return {
        host: host.startsWith('*.') ? host.slice(1) : host,
        port: match[2],
        wildcard: host === '*' || host.startsWith('*.'),
      };
    });
  }

  check(rawUrl: string): UrlVerdict {
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      return { allowed: false, reason: `"${rawUrl}" is not a valid URL` };
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return {
        allowed: false,
        reason: `protocol ${url.protocol} is not allowed; use http or https`,
      };
    }
    if (this.patterns.length === 0) {
      return {
        allowed: false,
        reason: 'ops.health.allowedHosts is empty, so no target may be probed',
      };
    }
    const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    const ok = this.patterns.some(p => {
      if (p.port && p.port !== port) return false;
      if (p.host === '*') return true;
      return p.wildcard
        ? host.endsWith(p.host) && host.length > p.host.length
        : host === p.host;
    });
    return ok
      ? { allowed: true, url }
      : {
          allowed: false,
          reason: `host "${
            url.host
          }" is not in ops.health.allowedHosts (${this.raw.join(', ')})`,
        };
  }
}
