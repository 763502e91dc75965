import {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  OfrepEvaluationFailure,
  opsFlagsEvaluatePermission,
} from '@opsconsole/backstage-plugin-ops-common';
import express, { Request, Response } from 'express';
import Router from 'express-promise-router';
import etag from 'etag';
import { authorize } from '../../auth/authorize';
import { FlagEvaluator } from '../FlagEvaluator';
import { matchesIfNoneMatch } from '../../http/ifNoneMatch';
import { isBodyParserError, readText } from '../../http/parseBody';
import { sendJson } from '../../http/sendJson';
import { parseOfrepRequest, ParsedOfrepRequest } from './ofrepContext';
import { OfrepRequestFailure, toOfrep } from './ofrepResponses';

/** The largest request body read; OFREP bodies are small JSON documents. */
const MAX_BODY_BYTES = 256 * 1024;

export interface OfrepRouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  evaluator: FlagEvaluator;
  logger: LoggerService;
}

/**
 * The OpenFeature Remote Evaluation Protocol (OFREP) endpoints, mounted at
 * `/api/ops/ofrep/v1`: `POST /evaluate/flags/{key}` and bulk `POST /evaluate/flags`
 * (ETag, If-None-Match → 304). Outside the validated OpenAPI router because OFREP has its
 * own error bodies. Callers are services (Backstage external-access tokens) holding
 * `ops.flags.evaluate`; users are refused (403), callers without a token get 401.
 */
export function createOfrepRouter(options: OfrepRouterOptions): express.Router {
  const { evaluator, logger } = options;
  const router = Router();

  const authorizeEvaluation = (req: Request) =>
    authorize(options, req, opsFlagsEvaluatePermission, {
      allow: ['service'],
    });

  // any content type: the body is read as text and parsed as the protocol says
  async function readRequest(req: Request): Promise<ParsedOfrepRequest> {
    let body: string;
    try {
      body = await readText(req, MAX_BODY_BYTES);
    } catch (error) {
      if (!isBodyParserError(error)) throw error;
      return {
        errorCode: 'PARSE_ERROR',
        errorDetails:
          error.type === 'entity.too.large'
            ? 'The request body is too large'
            : `The request body could not be read: ${error.message}`,
      };
    }
    return parseOfrepRequest(body);
  }

  const general = (res: Response, error: unknown, key?: string) => {
    logger.error(`OFREP evaluation failed: ${error}`);
    const body: OfrepRequestFailure | OfrepEvaluationFailure = {
      ...(key !== undefined && { key }),
      errorCode: 'GENERAL',
      errorDetails: 'The flags could not be evaluated; see the ops backend log',
    };
    sendJson(res, 500, JSON.stringify(body));
  };

  router.post('/ofrep/v1/evaluate/flags/:key', async (req, res) => {
    await authorizeEvaluation(req);
    const key = req.params.key;
    const parsed = await readRequest(req);
    if ('errorCode' in parsed) {
      sendJson(res, 400, JSON.stringify({ key, ...parsed }));
      return;
    }
    try {
      const { status, body } = toOfrep(
        await evaluator.evaluate(key, parsed.context),
      );
      sendJson(res, status, JSON.stringify(body));
    } catch (error) {
      general(res, error, key);
    }
  });

  router.post('/ofrep/v1/evaluate/flags', async (req, res) => {
    await authorizeEvaluation(req);
    const parsed = await readRequest(req);
    if ('errorCode' in parsed) {
      sendJson(res, 400, JSON.stringify(parsed));
      return;
    }
    try {
      const flags = (await evaluator.evaluateAll(parsed.context)).map(
        r => toOfrep(r).body,
      );
      const body = JSON.stringify({ flags });
      const caching = {
        etag: etag(body),
        'cache-control': 'private, no-cache',
      };
      if (matchesIfNoneMatch(req, caching.etag)) {
        res.writeHead(304, caching).end();
        return;
      }
      sendJson(res, 200, body, caching);
    } catch (error) {
      general(res, error);
    }
  });

  return router;
}
