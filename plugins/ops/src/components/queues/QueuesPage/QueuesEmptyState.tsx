import Typography from '@material-ui/core/Typography';
import { CodeSnippet, EmptyState } from '@backstage/core-components';

const EXAMPLE_CONFIG = `ops:
  queues:
    bullmq:
      redisUrl: redis://127.0.0.1:6379
      tenantQueuePattern: outbound-email-{tenant}
`;

/** No source reported a queue: how to configure one. */
export function QueuesEmptyState() {
  return (
    <EmptyState
      missing="data"
      title="No queues reported by any source"
      description={
        <>
          Queues come from the platform (the Platform Admin API the ops backend
          is configured with) and from adapter modules such as{' '}
          <code>@opsconsole/backstage-plugin-ops-backend-module-bullmq</code>,
          which reads BullMQ queues straight from Redis.
        </>
      }
      action={
        <>
          <Typography variant="body1" gutterBottom>
            Install the BullMQ module in the backend and configure it in{' '}
            <code>app-config.yaml</code> (see the module's README, section
            Configuration):
          </Typography>
          <CodeSnippet
            text={EXAMPLE_CONFIG}
            language="yaml"
            showCopyCodeButton
          />
        </>
      }
    />
  );
}
