import Typography from '@material-ui/core/Typography';
import { CodeSnippet, EmptyState } from '@backstage/core-components';
import { OPS_HEALTH_URL_ANNOTATION } from '@opsconsole/backstage-plugin-ops-common';

const EXAMPLE_YAML = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: mail-api
  annotations:
    ${OPS_HEALTH_URL_ANNOTATION}: https://mail-api.example.com/health
spec:
  type: service
  lifecycle: production
  owner: group:default/mail-team
`;

/**
 * Explains how to make a catalog entity a health target: add the
 * `opsconsole.io/health-url` annotation.
 *
 * @public
 */
export function OpsHealthEmptyState() {
  return (
    <EmptyState
      missing="field"
      title="No health targets yet"
      description={
        <>
          The Ops Console probes every catalog entity that names its health
          endpoint with the <code>{OPS_HEALTH_URL_ANNOTATION}</code> annotation.
          The endpoint may answer <code>application/health+json</code> (its
          checks are shown) or any HTTP status.
        </>
      }
      action={
        <>
          <Typography variant="body1" gutterBottom>
            Add the annotation to the entity's <code>catalog-info.yaml</code>:
          </Typography>
          <CodeSnippet
            text={EXAMPLE_YAML}
            language="yaml"
            showLineNumbers
            highlightedNumbers={[6]}
            showCopyCodeButton
          />
        </>
      }
    />
  );
}
