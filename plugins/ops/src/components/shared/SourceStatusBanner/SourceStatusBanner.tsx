import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { makeStyles } from '@material-ui/core/styles';
import { SourceStatus } from '@opsconsole/backstage-plugin-ops-common';
import { formatRelative, parseTime } from '../format';

const useStyles = makeStyles(theme => ({
  alert: {
    marginBottom: theme.spacing(1),
  },
}));

/** @public */
export interface SourceStatusBannerProps {
  sources: SourceStatus[];
}

/**
 * One warning per data source that is not ok, so a degraded source shows as a
 * missing part of the page rather than as a whole-page error. Renders nothing
 * when every source is ok.
 *
 * @public
 */
export function SourceStatusBanner(props: SourceStatusBannerProps) {
  const classes = useStyles();
  const seen = new Set<string>();
  const notOk = props.sources.filter(source => {
    if (source.status === 'ok' || seen.has(source.id)) {
      return false;
    }
    seen.add(source.id);
    return true;
  });
  if (notOk.length === 0) {
    return null;
  }
  return (
    <div>
      {notOk.map(source => (
        <Alert
          key={source.id}
          className={classes.alert}
          severity={source.status === 'unavailable' ? 'error' : 'warning'}
        >
          <AlertTitle>
            Source “{source.id}” is {source.status}
          </AlertTitle>
          {source.error ? `${source.error}. ` : ''}
          Data from this source may be missing or stale
          {parseTime(source.updatedAt)
            ? ` (last update ${formatRelative(source.updatedAt)})`
            : ''}
          .
        </Alert>
      ))}
    </div>
  );
}
