import { stringifyEntityRef } from '@backstage/catalog-model';
import { ApiRouter } from '@backstage/backend-openapi-utils';
import { AuthorizeDeps } from './auth/authorize';
import { spec } from './schema/openapi/generated/router';

/** The typed router generated from src/schema/openapi.yaml. */
export type OpsRouter = ApiRouter<typeof spec>;

/** What every capability's routes need to authenticate and authorize callers. */
export type RouteAuth = AuthorizeDeps;

/** The entity ref addressed by `/{kind}/{namespace}/{name}` path parameters. */
export const entityRefFromPath = (p: {
  kind: string;
  namespace: string;
  name: string;
}) =>
  stringifyEntityRef({ kind: p.kind, namespace: p.namespace, name: p.name });
