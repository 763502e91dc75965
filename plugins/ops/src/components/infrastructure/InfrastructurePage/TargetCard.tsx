import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { TargetSummary } from '@opsconsole/backstage-plugin-ops-common';
import { HealthStatusChip } from '../HealthStatusChip';
import { FactList } from '../../shared/FactList';
import { TargetStatsFacts } from '../TargetStatsFacts';
import { UptimeStrip } from '../UptimeStrip';
import { humanizeRef } from '../../shared/entityRefs';
import { HEALTH_STATUS_COLORS } from '../../shared/statusColors';

const useStyles = makeStyles(theme => ({
  card: {
    height: '100%',
    borderLeft: '4px solid',
  },
  header: {
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: theme.spacing(1),
  },
  title: {
    fontWeight: 600,
    wordBreak: 'break-word',
  },
  meta: {
    color: theme.palette.text.secondary,
  },
  reason: {
    marginTop: theme.spacing(1),
    fontStyle: 'italic',
  },
  checks: {
    margin: theme.spacing(1, 0, 0),
    paddingLeft: theme.spacing(2.5),
  },
}));

/** One health target in the fleet grid. */
export function TargetCard(props: { target: TargetSummary }) {
  const { target } = props;
  const classes = useStyles();
  const meta = [
    target.kind,
    target.owner && `owner ${humanizeRef(target.owner, 'group')}`,
    target.system && `system ${humanizeRef(target.system, 'system')}`,
  ].filter(Boolean);

  return (
    <Card
      className={classes.card}
      style={{
        borderLeftColor: HEALTH_STATUS_COLORS[target.status]?.background,
      }}
      variant="outlined"
    >
      <CardContent>
        <div className={classes.header}>
          <div>
            <Typography variant="h6" component="h3" className={classes.title}>
              <EntityRefLink entityRef={target.entityRef}>
                {target.title}
              </EntityRefLink>
            </Typography>
            <Typography variant="body2" className={classes.meta}>
              {meta.join(' · ')}
            </Typography>
          </div>
          <HealthStatusChip status={target.status} reason={target.reason} />
        </div>

        {target.reason && (
          <Typography variant="body2" className={classes.reason}>
            {target.reason}
          </Typography>
        )}

        <FactList dense>
          <TargetStatsFacts target={target} errorRateFirst />
        </FactList>

        <UptimeStrip bars={target.uptimeBars} />

        {target.failingChecks.length > 0 && (
          <>
            <Typography variant="subtitle2" component="h4">
              Failing checks ({target.failingChecks.length})
            </Typography>
            <ul className={classes.checks} aria-label="Failing checks">
              {target.failingChecks.map(check => (
                <li key={`${check.name}:${check.componentId ?? ''}`}>
                  <Typography variant="body2">
                    <strong>{check.name}</strong> ({check.status})
                    {check.output ? `: ${check.output}` : ''}
                  </Typography>
                </li>
              ))}
            </ul>
          </>
        )}
      </CardContent>
    </Card>
  );
}
