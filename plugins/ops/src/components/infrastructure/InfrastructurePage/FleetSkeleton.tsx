import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Grid from '@material-ui/core/Grid';
import Skeleton from '@material-ui/lab/Skeleton';

/** Placeholder of the fleet grid while the first load is in flight. */
export function FleetSkeleton() {
  return (
    <div data-testid="fleet-skeleton" aria-busy="true">
      <Skeleton variant="rect" height={48} style={{ marginBottom: 16 }} />
      <Grid container spacing={2}>
        {[0, 1, 2, 3, 4, 5].map(key => (
          <Grid item xs={12} md={6} lg={4} key={key}>
            <Card variant="outlined">
              <CardContent>
                <Skeleton variant="text" width="60%" height={32} />
                <Skeleton variant="text" width="40%" />
                <Skeleton variant="text" />
                <Skeleton variant="text" />
                <Skeleton variant="text" width="80%" />
                <Skeleton variant="rect" height={20} />
              </CardContent>
            </Card>
          </Grid>
        ))}
      </Grid>
    </div>
  );
}
