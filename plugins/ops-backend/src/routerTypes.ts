import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { ApiRouter } from '@backstage/backend-openapi-utils';
import { spec } from './schema/openapi/generated/router';

/** The typed router generated from src/schema/openapi.yaml. */
export type OpsRouter = ApiRouter<typeof spec>;

/** What every capability's routes need to authenticate and authorize callers. */
export interface RouteAuth {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}

/** The entity ref addressed by `/{kind}/{namespace}/{name}` path parameters. */
export const entityRefFromPath = (p: {
  kind: string;
  namespace: string;
  name: string;
}) =>
  stringifyEntityRef({ kind: p.kind, namespace: p.namespace, name: p.name });
