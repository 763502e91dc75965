import {
  BackstageCredentials,
  BackstagePrincipalTypes,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizePermissionRequest,
  AuthorizeResult,
  BasicPermission,
  PolicyDecision,
  QueryPermissionRequest,
} from '@backstage/plugin-permission-common';
import { Request } from 'express';

/** What a route needs to authenticate and authorize its callers. */
export interface AuthorizeDeps {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}

/** The kinds of caller a route accepts. */
export type Caller = 'user' | 'service';

export interface AuthorizeOptions<TAllowed extends Caller> {
  /** Callers of other kinds are refused (403 from httpAuth). Default: users only. */
  allow?: TAllowed[];
}

type AnyRequest = Request<any, any, any, any, any>;
type CallerCredentials<TAllowed extends Caller> = BackstageCredentials<
  BackstagePrincipalTypes[TAllowed]
>;

function credentialsOf<TAllowed extends Caller>(
  deps: AuthorizeDeps,
  request: AnyRequest,
  options: AuthorizeOptions<TAllowed>,
): Promise<CallerCredentials<TAllowed>> {
  return deps.httpAuth.credentials(request, {
    allow: options.allow ?? (['user'] as TAllowed[]),
  });
}

function refuse(
  credentials: CallerCredentials<Caller>,
  permission: { name: string },
  resourceRef?: string,
): never {
  const who =
    credentials.principal.type === 'user' ? 'You are' : 'This caller is';
  throw new NotAllowedError(
    `${who} not allowed to ${permission.name}${
      resourceRef ? ` on ${resourceRef}` : ''
    }`,
  );
}

/**
 * Authenticates the caller (401 unless it is of an allowed kind) and checks a basic
 * permission, or a resource permission on `resourceRef` (403 on DENY). Conditional
 * decisions on a resource are resolved by the permission framework. Returns the
 * credentials for auditing and downstream calls.
 */
export async function authorize<TAllowed extends Caller = 'user'>(
  deps: AuthorizeDeps,
  request: AnyRequest,
  target: BasicPermission | AuthorizePermissionRequest,
  options: AuthorizeOptions<TAllowed> = {},
): Promise<CallerCredentials<TAllowed>> {
  const credentials = await credentialsOf(deps, request, options);
  const check = 'permission' in target ? target : { permission: target };
  const [decision] = await deps.permissions.authorize([check], {
    credentials,
  });
  if (decision.result !== AuthorizeResult.ALLOW) {
    refuse(credentials, check.permission, check.resourceRef);
  }
  return credentials;
}

/**
 * Like {@link authorize} for a resource permission checked without a resource: ALLOW and
 * CONDITIONAL decisions are returned (the caller applies the conditions to the resources
 * it reads), DENY is a 403.
 */
export async function authorizeConditional<TAllowed extends Caller = 'user'>(
  deps: AuthorizeDeps,
  request: AnyRequest,
  target: QueryPermissionRequest,
  options: AuthorizeOptions<TAllowed> = {},
): Promise<{
  credentials: CallerCredentials<TAllowed>;
  /** ALLOW or CONDITIONAL. */
  decision: PolicyDecision;
}> {
  const credentials = await credentialsOf(deps, request, options);
  const [decision] = await deps.permissions.authorizeConditional([target], {
    credentials,
  });
  if (decision.result === AuthorizeResult.DENY) {
    refuse(credentials, target.permission);
  }
  return { credentials, decision };
}
