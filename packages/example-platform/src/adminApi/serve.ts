import type { PlatformAdminApiPaths } from '@opsconsole/backstage-plugin-ops-common';
import { Request, Router } from 'express';
import { handle } from './handle';

type Paths = PlatformAdminApiPaths;
type Method = 'get' | 'post';

/** The 200 JSON body the contract gives an operation. */
type OkBody<P extends keyof Paths, M extends Method> = Paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer B } } };
}
  ? B
  : never;

/**
 * Mounts the handler of one operation of the contract, named by its path as the document writes
 * it (`/tenants/{tenantId}`), so that the answer must have the generated type of its 200 body: a
 * path or field renamed in platform-admin-api.yaml fails this package's typecheck.
 */
export function serve<P extends keyof Paths, M extends Method>(
  router: Router,
  method: M,
  path: P,
  fn: (req: Request) => OkBody<P, M> | Promise<OkBody<P, M>>,
): void {
  router[method](path.replace(/\{(\w+)\}/g, ':$1'), handle(fn));
}
