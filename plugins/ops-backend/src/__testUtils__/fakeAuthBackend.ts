import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';
import { generateKeyPairSync, sign } from 'node:crypto';

const { publicKey, privateKey } = generateKeyPairSync('ec', {
  namedCurve: 'P-256',
});
const KID = 'test-key';
const b64url = (data: string | Buffer) =>
  Buffer.from(data).toString('base64url');

/**
 * A stand-in for the auth backend that publishes a signing key at
 * `/api/auth/.well-known/jwks.json`, so the real auth service of a test backend verifies
 * user tokens issued by {@link issueUserToken} exactly as it verifies sign-in tokens.
 */
export const fakeAuthBackend = createBackendPlugin({
  pluginId: 'auth',
  register(env) {
    env.registerInit({
      deps: { httpRouter: coreServices.httpRouter },
      async init({ httpRouter }) {
        const router = Router();
        router.get('/.well-known/jwks.json', (_req, res) => {
          res.json({
            keys: [
              {
                ...publicKey.export({ format: 'jwk' }),
                kid: KID,
                alg: 'ES256',
                use: 'sig',
              },
            ],
          });
        });
        httpRouter.use(router);
        httpRouter.addAuthPolicy({
          path: '/.well-known/jwks.json',
          allow: 'unauthenticated',
        });
      },
    });
  },
});

/** A Backstage user token (as the auth backend issues at sign-in), signed with ES256. */
export function issueUserToken(userEntityRef: string): string {
  const now = Math.floor(Date.now() / 1000);
  const header = b64url(
    JSON.stringify({ alg: 'ES256', kid: KID, typ: 'vnd.backstage.user' }),
  );
  const payload = b64url(
    JSON.stringify({
      iss: 'test-auth',
      sub: userEntityRef,
      ent: [userEntityRef],
      aud: 'backstage',
      iat: now,
      exp: now + 3600,
    }),
  );
  const signature = sign('sha256', Buffer.from(`${header}.${payload}`), {
    key: privateKey,
    dsaEncoding: 'ieee-p1363',
  });
  return `${header}.${payload}.${b64url(signature)}`;
}
