import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  FlagPreview,
  FlagResolution,
} from '@opsconsole/backstage-plugin-ops-common';
import { formatFlagValue } from '../flagFormat';
import { SourceStatusBanner } from '../../shared/SourceStatusBanner';

const SHOWN_CHANGES = 10;

const useStyles = makeStyles(theme => ({
  count: {
    fontWeight: 600,
  },
  changes: {
    margin: theme.spacing(1, 0, 0),
    paddingLeft: theme.spacing(2.5),
  },
}));

function answer(resolution: FlagResolution): string {
  if (resolution.why === 'error') {
    return `error ${resolution.errorCode ?? ''}`.trim();
  }
  return formatFlagValue(resolution.value);
}

/** "1 tenant will change answer" */
export function changedSentence(preview: FlagPreview): string {
  const { tenantsChanged, tenantsCompared } = preview;
  if (tenantsChanged === 0) {
    return `No tenant will change answer (${tenantsCompared} compared).`;
  }
  const tenants = tenantsChanged === 1 ? 'tenant' : 'tenants';
  return `${tenantsChanged} ${tenants} of ${tenantsCompared} will change answer.`;
}

/** How many tenants change answer under a proposed change, and which. */
export function PreviewSummary(props: { preview: FlagPreview }) {
  const { preview } = props;
  const classes = useStyles();
  const shown = preview.changes.slice(0, SHOWN_CHANGES);
  return (
    <div aria-label="Preview of the change" role="region">
      <SourceStatusBanner sources={preview.sources} />
      <Typography className={classes.count} data-testid="preview-count">
        {changedSentence(preview)}
      </Typography>
      {shown.length > 0 && (
        <ul className={classes.changes} aria-label="Tenants that change answer">
          {shown.map(change => (
            <li key={change.tenantId}>
              <Typography variant="body2">
                {change.tenantId}: {answer(change.before)} →{' '}
                {answer(change.after)}
              </Typography>
            </li>
          ))}
        </ul>
      )}
      {preview.changes.length > shown.length && (
        <Typography variant="body2" color="textSecondary">
          and {preview.changes.length - shown.length} more.
        </Typography>
      )}
    </div>
  );
}
