import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import Typography from '@material-ui/core/Typography';
import { UnusualLoginSource } from '@opsconsole/backstage-plugin-ops-common';
import { formatAbsolute } from '../../shared/format';

const KIND_LABELS: Record<UnusualLoginSource['kind'], string> = {
  country: 'Unusual country',
  ip: 'Unusual IP address',
  'failed-burst': 'Burst of failed logins',
};

/** The login sources flagged as unusual, one warning each. */
export function UnusualSources(props: { unusual: UnusualLoginSource[] }) {
  const { unusual } = props;
  if (unusual.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No unusual login sources.
      </Typography>
    );
  }
  return (
    <div aria-label="Unusual login sources" role="list">
      {unusual.map(source => (
        <Alert
          key={`${source.kind}:${source.value}:${source.firstAt}`}
          severity="warning"
          role="listitem"
          style={{ marginBottom: 8 }}
        >
          <AlertTitle>
            {KIND_LABELS[source.kind] ?? source.kind}: {source.value}
          </AlertTitle>
          {source.reason} · {source.count} logins from{' '}
          {formatAbsolute(source.firstAt)} to {formatAbsolute(source.lastAt)}
        </Alert>
      ))}
    </div>
  );
}
