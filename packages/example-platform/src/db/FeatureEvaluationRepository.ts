import { AdminApiFeatureEvaluation } from '../adminApi/types';
import { SqliteDatabase } from './sqlite';

interface EvaluationRow {
  flag_key: string;
  value_json: string;
  variant: string | null;
  reason: string;
  error_code: string | null;
  error_message: string | null;
  evaluated_at: string;
}

/** The value the platform last evaluated per tenant and feature flag. */
export class FeatureEvaluationRepository {
  readonly #db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.#db = db;
  }

  /** Records an evaluation, replacing the previous one of the same tenant and flag. */
  record(tenantId: string, evaluation: AdminApiFeatureEvaluation): void {
    this.#db
      .prepare(
        `INSERT INTO feature_evaluations
           (tenant_id, flag_key, value_json, variant, reason, error_code, error_message, evaluated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (tenant_id, flag_key) DO UPDATE SET
           value_json = excluded.value_json, variant = excluded.variant,
           reason = excluded.reason, error_code = excluded.error_code,
           error_message = excluded.error_message, evaluated_at = excluded.evaluated_at`,
      )
      .run(
        tenantId,
        evaluation.flagKey,
        JSON.stringify(evaluation.value),
        evaluation.variant ?? null,
        evaluation.reason,
        evaluation.errorCode ?? null,
        evaluation.errorMessage ?? null,
        evaluation.evaluatedAt,
      );
  }

  /** The tenant's last evaluation of each flag, by flag key. */
  list(tenantId: string): AdminApiFeatureEvaluation[] {
    const rows = this.#db
      .prepare(
        'SELECT * FROM feature_evaluations WHERE tenant_id = ? ORDER BY flag_key',
      )
      .all(tenantId) as EvaluationRow[];
    return rows.map(r => ({
      flagKey: r.flag_key,
      value: JSON.parse(r.value_json),
      ...(r.variant ? { variant: r.variant } : {}),
      reason: r.reason,
      ...(r.error_code ? { errorCode: r.error_code } : {}),
      ...(r.error_message ? { errorMessage: r.error_message } : {}),
      evaluatedAt: r.evaluated_at,
    }));
  }
}
