import { stringifyEntityRef } from '@backstage/catalog-model';
import { ApiRouter } from '@backstage/backend-openapi-utils';
import express from 'express';
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

/**
 * What a capability's `create*` hands the plugin: its slice of the validated router's
 * options, and the routers that answer in their own format with their own body handling,
 * which the plugin mounts before, and outside, the validated router.
 */
export interface Capability<TRoutes extends object> {
  routes: TRoutes;
  ownRouters?: express.Router[];
}
