import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { RecipientPatterns } from '@opsconsole/backstage-plugin-ops-common';
import { formatCount, formatShare } from '../../shared/format';
import { HEALTH_STATUS_COLORS } from '../../shared/statusColors';

/** A share of new recipients this high is suspicious for an established tenant. */
const SUSPICIOUS_NEW_SHARE = 0.5;

function BigNumber(props: { label: string; value: string; color?: string }) {
  const { label, value, color } = props;
  return (
    <Box role="group" aria-label={label} minWidth={140}>
      <Typography variant="h4" component="p" style={{ color }}>
        {value}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {label}
      </Typography>
    </Box>
  );
}

/**
 * Who the sampled jobs were addressed to: unique recipients, the share never
 * seen for the tenant before (a big number, red when high), top domains.
 */
export function RecipientPatternsCard(props: {
  recipients: RecipientPatterns;
}) {
  const { recipients } = props;
  const suspicious = recipients.newRecipientShare >= SUSPICIOUS_NEW_SHARE;
  return (
    <Box role="region" aria-label="Recipient patterns">
      <Typography variant="subtitle2" gutterBottom>
        Recipient patterns ({formatCount(recipients.sampledJobs)} sampled jobs)
      </Typography>
      <Box display="flex" flexWrap="wrap" mb={2} style={{ gap: 24 }}>
        <BigNumber
          label="New recipients"
          value={formatShare(recipients.newRecipientShare)}
          color={suspicious ? HEALTH_STATUS_COLORS.fail.background : undefined}
        />
        <BigNumber
          label="Unique recipients"
          value={formatCount(recipients.uniqueRecipients)}
        />
      </Box>
      {recipients.topDomains.length > 0 && (
        <ul
          aria-label="Top recipient domains"
          style={{ listStyle: 'none', margin: 0, padding: 0 }}
        >
          {recipients.topDomains.map(domain => (
            <li key={domain.domain} style={{ marginBottom: 8 }}>
              <Box display="flex" justifyContent="space-between">
                <Typography variant="body2">{domain.domain}</Typography>
                <Typography variant="body2" color="textSecondary">
                  {formatCount(domain.count)} · {formatShare(domain.share)}
                </Typography>
              </Box>
              <LinearProgress
                variant="determinate"
                value={Math.min(100, Math.max(0, domain.share * 100))}
                aria-label={`Share of ${domain.domain}`}
              />
            </li>
          ))}
        </ul>
      )}
    </Box>
  );
}
