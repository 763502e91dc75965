import {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  opsLogsIngestPermission,
  OtlpExportLogsServiceResponse,
} from '@opsconsole/backstage-plugin-ops-common';
import express, { Response } from 'express';
import Router from 'express-promise-router';
import { authorize } from '../../auth/authorize';
import { sendJson } from '../../http/sendJson';
import {
  LogWriter,
  LogWriterCommitError,
  LogWriterFullError,
} from '../LogWriter';
import { createOtlpBodyReader, OtlpHttpError } from './otlpBody';
import { OtlpRequestError, parseOtlpLogs } from './parseOtlpLogs';

export interface OtlpRouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  writer: LogWriter;
  logger: LoggerService;
  /** Largest accepted body after decompression. */
  maxBodyBytes: number;
}

/** google.rpc.Status codes used in OTLP error bodies. */
const RPC_CODES: Record<number, number> = {
  400: 3, // INVALID_ARGUMENT
  413: 3,
  415: 3,
  429: 8, // RESOURCE_EXHAUSTED
  503: 14, // UNAVAILABLE
};

function sendStatus(
  res: Response,
  status: number,
  message: string,
  headers: Record<string, string> = {},
) {
  sendJson(
    res,
    status,
    JSON.stringify({ code: RPC_CODES[status] ?? 2, message, details: [] }),
    headers,
  );
}

/**
 * OTLP/HTTP log ingest at `/api/ops/otlp/v1/logs` (JSON encoding, gzip). Outside the
 * validated OpenAPI router: OTLP has its own error bodies (google.rpc.Status). Callers hold
 * `ops.logs.ingest` — services through an external access token restricted to it. The
 * answer waits for the records' commit: 200 means stored. Records that cannot be stored are
 * reported in `partialSuccess`; a full writer answers 429, a failed commit 503, both with
 * Retry-After, so the exporter retries.
 */
export function createOtlpRouter(options: OtlpRouterOptions): express.Router {
  const { writer, logger } = options;
  const router = Router();
  const readBody = createOtlpBodyReader(options.maxBodyBytes);

  router.post('/otlp/v1/logs', async (req, res) => {
    await authorize(options, req, opsLogsIngestPermission, {
      allow: ['service', 'user'],
    });
    try {
      const parsed = parseOtlpLogs(await readBody(req, res), Date.now());
      await writer.write(parsed.records);
      const body: OtlpExportLogsServiceResponse =
        parsed.rejected > 0
          ? {
              partialSuccess: {
                rejectedLogRecords: String(parsed.rejected),
                errorMessage: parsed.errors.join('; '),
              },
            }
          : {};
      sendJson(res, 200, JSON.stringify(body));
    } catch (error) {
      if (error instanceof OtlpHttpError) {
        sendStatus(res, error.status, error.message);
      } else if (error instanceof OtlpRequestError) {
        sendStatus(res, 400, error.message);
      } else if (error instanceof LogWriterFullError) {
        sendStatus(res, 429, error.message, {
          'retry-after': String(error.retryAfterSeconds),
        });
      } else if (error instanceof LogWriterCommitError) {
        sendStatus(res, 503, error.message, {
          'retry-after': String(error.retryAfterSeconds),
        });
      } else {
        logger.error(`OTLP log ingest failed: ${error}`);
        sendStatus(res, 503, 'The logs could not be stored; retry later', {
          'retry-after': '5',
        });
      }
    }
  });

  return router;
}
