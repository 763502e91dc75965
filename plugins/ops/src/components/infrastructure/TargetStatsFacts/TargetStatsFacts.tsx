import { TargetSummary } from '@opsconsole/backstage-plugin-ops-common';
import { formatPercent } from '../../shared/format';
import { RelativeTime } from '../../shared/RelativeTime';
import { formatLatency } from '../healthFormat';

export interface TargetStatsFactsProps {
  target: TargetSummary;
  /** Show "Error rate 24 h" before "Uptime" rather than after it. */
  errorRateFirst?: boolean;
}

/**
 * The `<dt>`/`<dd>` rows of a target's probe statistics, for a `FactList`:
 * Since, Last probe, Latency, Uptime and Error rate 24 h.
 */
export function TargetStatsFacts(props: TargetStatsFactsProps) {
  const { target, errorRateFirst = false } = props;
  const { windows } = target;
  const errorRate = (
    <>
      <dt>Error rate 24 h</dt>
      <dd>{formatPercent(windows['24h']?.errorRate)}</dd>
    </>
  );
  return (
    <>
      <dt>Since</dt>
      <dd>
        <RelativeTime value={target.statusSince} />
      </dd>
      <dt>Last probe</dt>
      <dd>
        <RelativeTime value={target.lastProbeAt} />
        {target.lastHttpStatus !== undefined &&
          ` · HTTP ${target.lastHttpStatus}`}
      </dd>
      <dt>Latency</dt>
      <dd>
        {formatLatency(target.lastLatencyMs)} last · p50{' '}
        {formatLatency(target.latencyP50Ms)} · p95{' '}
        {formatLatency(target.latencyP95Ms)}
      </dd>
      {errorRateFirst && errorRate}
      <dt>Uptime</dt>
      <dd>
        24 h {formatPercent(windows['24h']?.uptime)} · 7 d{' '}
        {formatPercent(windows['7d']?.uptime)} · 30 d{' '}
        {formatPercent(windows['30d']?.uptime)}
      </dd>
      {!errorRateFirst && errorRate}
    </>
  );
}
