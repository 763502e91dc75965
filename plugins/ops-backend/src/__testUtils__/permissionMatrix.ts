/* eslint-disable jest/no-export -- a helper that declares tests for the test files calling it */
import { mockCredentials } from '@backstage/backend-test-utils';
import { Server } from 'node:http';
import request from 'supertest';
import { ADMIN, as, PLAIN } from './examplePolicyPermissions';

/** A GET route, the status a plain user gets and the status an ops admin gets. */
export type PermissionMatrixRow = [path: string, plain: number, admin: number];

/**
 * The `permission matrix` tests of a backend using {@link examplePolicyPermissionsMock}:
 * each row's GET route answers 401 without credentials, 403 for an external access
 * token, and the row's statuses for a plain user and an ops admin.
 */
export function describePermissionMatrix(
  server: () => Server,
  rows: PermissionMatrixRow[],
) {
  const get = (path: string, who?: string) =>
    as(who)(request(server()).get(path));

  describe('permission matrix', () => {
    it.each(rows)(
      'GET %s: 401 without credentials, 403 for an external access token, %s for a plain user, %s for an ops admin',
      async (path, plain, admin) => {
        expect((await get(path)).status).toBe(401);
        const machine = await request(server())
          .get(path)
          .set('authorization', mockCredentials.service.header());
        expect(machine.status).toBe(403);
        expect((await get(path, PLAIN)).status).toBe(plain);
        expect((await get(path, ADMIN)).status).toBe(admin);
      },
    );
  });
}
