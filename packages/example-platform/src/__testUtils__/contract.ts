import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/** Path of the Platform Admin API document in ops-common. */
export const CONTRACT_PATH = path.join(
  path.dirname(
    require.resolve('@opsconsole/backstage-plugin-ops-common/package.json'),
  ),
  'platform-admin-api.yaml',
);

const CONTRACT_ID = 'platform-admin-api';

interface OperationResponse {
  operationId: string;
  method: string;
  pathTemplate: string;
  pattern: RegExp;
  status: string;
  validate: ValidateFunction;
}

type OpenApiDocument = {
  servers: Array<{ url: string }>;
  paths: Record<
    string,
    Record<
      string,
      {
        operationId: string;
        responses: Record<string, { $ref?: string; content?: unknown }>;
      }
    >
  >;
};

const escapePointer = (segment: string) =>
  segment.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Validates responses of the Platform Admin API against its OpenAPI document
 * (ajv + ajv-formats) and records which operation/status pairs were seen, so
 * a test can require that every documented response was exercised.
 */
export class ContractValidator {
  readonly basePath: string;
  readonly #responses: OperationResponse[] = [];
  readonly #seen = new Set<string>();

  constructor(documentPath: string = CONTRACT_PATH) {
    const doc = parse(fs.readFileSync(documentPath, 'utf8')) as OpenApiDocument;
    this.basePath = doc.servers[0].url;
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(doc as object, CONTRACT_ID);
    for (const [pathTemplate, methods] of Object.entries(doc.paths)) {
      const pattern = new RegExp(
        `^${pathTemplate.replace(/\{[^}]+\}/g, '[^/]+')}$`,
      );
      for (const [method, operation] of Object.entries(methods)) {
        for (const [status, response] of Object.entries(operation.responses)) {
          const pointer = response.$ref
            ? `${response.$ref.slice(1)}/content/application~1json/schema`
            : `/paths/${escapePointer(
                pathTemplate,
              )}/${method}/responses/${status}/content/application~1json/schema`;
          const validate = ajv.getSchema(`${CONTRACT_ID}#${pointer}`);
          if (!validate) {
            throw new Error(`No schema at ${pointer}`);
          }
          this.#responses.push({
            operationId: operation.operationId,
            method: method.toUpperCase(),
            pathTemplate,
            pattern,
            status,
            validate,
          });
        }
      }
    }
  }

  /** Every `<operationId> <status>` the document declares. */
  declared(): string[] {
    return this.#responses.map(r => `${r.operationId} ${r.status}`).sort();
  }

  /** The `<operationId> <status>` pairs validated so far. */
  seen(): string[] {
    return [...this.#seen].sort();
  }

  /**
   * Checks one response: the path and status must be documented, the body
   * must be JSON matching the documented schema. Throws with ajv's errors.
   */
  check(
    method: string,
    pathname: string,
    status: number,
    contentType: string | null,
    body: unknown,
  ): void {
    const relative = pathname.startsWith(this.basePath)
      ? pathname.slice(this.basePath.length)
      : pathname;
    const candidates = this.#responses.filter(
      r => r.method === method && r.pattern.test(relative),
    );
    if (candidates.length === 0) {
      throw new Error(`${method} ${relative} is not in the contract`);
    }
    const response = candidates.find(r => r.status === String(status));
    if (!response) {
      throw new Error(
        `${method} ${relative} answered ${status}, which the contract does not document for ${candidates[0].operationId}`,
      );
    }
    if (!contentType?.startsWith('application/json')) {
      throw new Error(
        `${method} ${relative} answered ${status} with Content-Type ${contentType}, not application/json`,
      );
    }
    if (!response.validate(body)) {
      throw new Error(
        `${method} ${relative} ${status} does not match the contract: ${JSON.stringify(
          response.validate.errors,
        )}\nbody: ${JSON.stringify(body).slice(0, 2000)}`,
      );
    }
    this.#seen.add(`${response.operationId} ${status}`);
  }
}

/**
 * A client of a running platform's Platform Admin API (GET, or POST with
 * `method`) that checks every response against the contract before handing
 * it to the test.
 */
export function contractClient(
  apiUrl: string,
  validator: ContractValidator,
  token: string | undefined,
) {
  return async (
    pathAndQuery: string,
    options: { token?: string | null; method?: 'GET' | 'POST' } = {},
  ): Promise<{ status: number; body: any }> => {
    const bearer = options.token === undefined ? token : options.token;
    const method = options.method ?? 'GET';
    const url = new URL(`${apiUrl}${validator.basePath}${pathAndQuery}`);
    const res = await fetch(url, {
      method,
      headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
    });
    const body = await res.json();
    validator.check(
      method,
      url.pathname,
      res.status,
      res.headers.get('content-type'),
      body,
    );
    return { status: res.status, body };
  };
}
