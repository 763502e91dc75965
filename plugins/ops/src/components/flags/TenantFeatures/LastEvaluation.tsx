import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { DateTime } from 'luxon';
import { TenantFlagState } from '@opsconsole/backstage-plugin-ops-common';
import { formatFlagValue } from '../flagFormat';
import { formatAbsolute, formatRelative, parseTime } from '../../shared/format';

/** "10:32" today, "2026-11-24 10:32" before. */
export function formatEvaluationTime(iso: string): string {
  const time = parseTime(iso);
  if (!time) {
    return '–';
  }
  return time.hasSame(DateTime.now(), 'day')
    ? time.toFormat('HH:mm')
    : time.toFormat('yyyy-LL-dd HH:mm');
}

/**
 * The last answer the console served to the tenant for the flag over OFREP:
 * "last evaluated ai-composer = off at 10:32", and a note when the platform
 * has not asked again since the answer changed.
 */
export function LastEvaluation(props: { state: TenantFlagState }) {
  const { flag, resolution, lastEvaluation } = props.state;
  if (!lastEvaluation) {
    return (
      <Typography variant="body2" color="textSecondary">
        Not evaluated for this tenant yet
      </Typography>
    );
  }
  const served =
    lastEvaluation.errorCode !== undefined
      ? `error ${lastEvaluation.errorCode}`
      : formatFlagValue(lastEvaluation.value);
  const stale =
    lastEvaluation.errorCode === undefined &&
    resolution.why !== 'error' &&
    JSON.stringify(lastEvaluation.value) !== JSON.stringify(resolution.value);
  return (
    <>
      <Tooltip
        title={`${formatAbsolute(lastEvaluation.time)} (${formatRelative(
          lastEvaluation.time,
        )}) · reason ${lastEvaluation.reason}`}
      >
        <Typography variant="body2" data-testid="last-evaluation">
          last evaluated {flag.key} = {served} at{' '}
          <time dateTime={lastEvaluation.time}>
            {formatEvaluationTime(lastEvaluation.time)}
          </time>
        </Typography>
      </Tooltip>
      {stale && (
        <Typography variant="caption" color="error" display="block">
          Not asked since the answer changed: the platform gets{' '}
          {formatFlagValue(resolution.value)} on its next evaluation.
        </Typography>
      )}
    </>
  );
}
