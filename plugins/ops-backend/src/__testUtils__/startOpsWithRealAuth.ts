import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { JsonObject } from '@backstage/types';
import { AddressInfo } from 'node:net';
import { opsPlugin } from '../plugin';
import { fakeAuthBackend } from './fakeAuthBackend';

/** A static external access token, restricted to one ops permission or to another plugin. */
export interface StaticToken {
  token: string;
  subject: string;
  restriction: { permission: string } | { plugin: string };
}

/**
 * Starts the ops plugin behind the real auth, httpAuth and permissions services, so tokens
 * are checked as in production: users present tokens of `issueUserToken` and may do
 * everything (the permission matrix is tested elsewhere); services present `tokens` and are
 * held to their access restrictions. Returns the base URL of `/api/ops`.
 */
export async function startOpsWithRealAuth(options: {
  tokens: StaticToken[];
  ops?: JsonObject;
}): Promise<string> {
  const { server } = await startTestBackend({
    features: [
      opsPlugin,
      fakeAuthBackend,
      authServiceFactory,
      httpAuthServiceFactory,
      permissionsServiceFactory,
      catalogServiceMock.factory({ entities: [] }),
      mockServices.rootConfig.factory({
        data: {
          permission: { enabled: false },
          ...(options.ops && { ops: options.ops }),
          backend: {
            auth: {
              externalAccess: options.tokens.map(
                ({ token, subject, restriction }) => ({
                  type: 'static',
                  options: { token, subject },
                  accessRestrictions: [
                    'plugin' in restriction
                      ? restriction
                      : { plugin: 'ops', permission: restriction.permission },
                  ],
                }),
              ),
            },
          },
        },
      }),
    ],
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/ops`;
}
