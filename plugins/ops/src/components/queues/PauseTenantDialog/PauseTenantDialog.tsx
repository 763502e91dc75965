import { useState } from 'react';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useApi } from '@backstage/core-plugin-api';
import { TenantQueuePause } from '@opsconsole/backstage-plugin-ops-common';
import { opsApiRef } from '../../../api';
import {
  formatAbsolute,
  formatCount,
  formatRelative,
} from '../../shared/format';
import { ReasonConfirmDialog } from '../../shared/ReasonConfirmDialog';
import {
  AUTO_RESUME_CHOICES,
  AutoResumeChoice,
  autoResumeAt,
  autoResumeChoices,
  DEFAULT_MAX_AUTO_RESUME_HOURS,
  formatMaxHours,
} from './autoResume';

/** @public */
export interface PauseTenantDialogProps {
  tenantId: string;
  /** `pause` the tenant's queued work, or `resume` it. */
  mode: 'pause' | 'resume';
  /** Waiting and delayed jobs of the tenant: kept by the pause. */
  heldJobs: number;
  /**
   * The latest auto-resume the backend takes, in hours from now (the queue
   * overview's `maxAutoResumeHours`); 7 days while it is not known.
   */
  maxAutoResumeHours?: number;
  onClose: () => void;
  /** Called with the backend's answer after the change was made. */
  onDone: (pause: TenantQueuePause) => void;
}

function PauseSummary(props: {
  tenantId: string;
  heldJobs: number;
  resumeAt?: string;
  /** "in 4 hours" for a relative choice (not rounded down as time passes). */
  resumeIn?: string;
}) {
  const { tenantId, heldJobs, resumeAt, resumeIn } = props;
  return (
    <>
      <Typography gutterBottom>
        Stop processing the queued work of tenant <strong>{tenantId}</strong>{' '}
        now. Other tenants keep flowing.
      </Typography>
      <Typography gutterBottom>
        The {formatCount(heldJobs)} waiting and delayed jobs are kept, not
        dropped: they are processed after the resume.
      </Typography>
      <Typography gutterBottom>
        {resumeAt
          ? `Resumes by itself ${
              resumeIn ?? formatRelative(resumeAt)
            } (${formatAbsolute(resumeAt)}).`
          : 'No auto-resume: the tenant stays paused until someone resumes it.'}
      </Typography>
    </>
  );
}

/**
 * The emergency pause of one tenant's queued work (or its resume): a required
 * reason, an optional auto-resume time for a pause, then a confirmation naming
 * the tenant and the jobs kept. Needs `ops.tenant.queue.pause` on the tenant;
 * the backend audits the change.
 */
export function PauseTenantDialog(props: PauseTenantDialogProps) {
  const { tenantId, mode, heldJobs, onClose, onDone } = props;
  const maxHours = props.maxAutoResumeHours ?? DEFAULT_MAX_AUTO_RESUME_HOURS;
  const opsApi = useApi(opsApiRef);
  const [choice, setChoice] = useState<AutoResumeChoice>('none');
  const [custom, setCustom] = useState('');
  const resumeAt =
    mode === 'pause'
      ? autoResumeAt(choice, custom, undefined, maxHours)
      : undefined;
  const tooLate = resumeAt === 'too-late';
  const invalidTime = resumeAt === 'invalid' || tooLate;

  return (
    <ReasonConfirmDialog
      title={
        mode === 'pause'
          ? `Emergency pause of tenant ${tenantId}`
          : `Resume the queues of tenant ${tenantId}`
      }
      changeReady={!invalidTime}
      reasonHelperText="Required. Kept in the audit trail and shown on the tenant page."
      summary={
        mode === 'pause' ? (
          <PauseSummary
            tenantId={tenantId}
            heldJobs={heldJobs}
            resumeAt={invalidTime ? undefined : resumeAt}
            resumeIn={AUTO_RESUME_CHOICES.find(
              option => option.id === choice && option.hours,
            )?.label.toLocaleLowerCase('en-US')}
          />
        ) : (
          `Process the queued work of tenant ${tenantId} again: the ${formatCount(
            heldJobs,
          )} waiting and delayed jobs drain first.`
        )
      }
      confirmLabel={mode === 'pause' ? 'Pause queue' : 'Resume queue'}
      confirmColor={mode === 'pause' ? 'secondary' : 'primary'}
      onConfirm={async reason => {
        const result =
          mode === 'pause'
            ? await opsApi.pauseTenantQueues(tenantId, {
                reason,
                ...(resumeAt && !invalidTime && { autoResumeAt: resumeAt }),
              })
            : await opsApi.resumeTenantQueues(tenantId, { reason });
        onDone(result);
      }}
      onClose={onClose}
    >
      {mode === 'pause' && (
        <>
          <Typography variant="body2" gutterBottom>
            Stops processing the queued work of tenant {tenantId} only; the{' '}
            {formatCount(heldJobs)} waiting and delayed jobs are kept.
          </Typography>
          <TextField
            select
            id="ops-pause-auto-resume"
            label="Auto-resume"
            variant="outlined"
            size="small"
            margin="normal"
            fullWidth
            value={choice}
            onChange={event =>
              setChoice(event.target.value as AutoResumeChoice)
            }
            SelectProps={{ native: true }}
          >
            {autoResumeChoices(maxHours).map(option => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </TextField>
          {choice === 'custom' && (
            <TextField
              id="ops-pause-resume-at"
              label="Resume at"
              type="datetime-local"
              variant="outlined"
              size="small"
              margin="normal"
              fullWidth
              value={custom}
              onChange={event => setCustom(event.target.value)}
              error={invalidTime && custom !== ''}
              helperText={
                tooLate
                  ? `Too far ahead: at most ${formatMaxHours(
                      maxHours,
                    )} from now`
                  : `Local time, in the future, at most ${formatMaxHours(
                      maxHours,
                    )} ahead`
              }
              InputLabelProps={{ shrink: true }}
            />
          )}
        </>
      )}
    </ReasonConfirmDialog>
  );
}
