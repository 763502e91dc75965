import fs from 'node:fs';
import path from 'node:path';

/*
 * better-sqlite3 ships no type declarations and @types/better-sqlite3 is not
 * installed in this repository, so the small surface we use is typed here.
 */

/** Result of a write statement. */
export interface SqliteRunResult {
  changes: number;
  lastInsertRowid: number | bigint;
}

/** A prepared statement. */
export interface SqliteStatement {
  run(...params: unknown[]): SqliteRunResult;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

/**
 * The subset of a better-sqlite3 `Database` used by the platform.
 *
 * @public
 */
export interface SqliteDatabase {
  readonly open: boolean;
  readonly name: string;
  readonly memory: boolean;
  prepare(sql: string): SqliteStatement;
  exec(sql: string): SqliteDatabase;
  pragma(source: string, options?: { simple?: boolean }): unknown;
  transaction<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R;
  close(): SqliteDatabase;
}

type SqliteDatabaseConstructor = new (
  filename: string,
  options?: { timeout?: number },
) => SqliteDatabase;

function loadDriver(): SqliteDatabaseConstructor {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('better-sqlite3');
}

/**
 * Opens (and creates, if needed) the SQLite database at `dbPath`.
 * `:memory:` gives a private in-memory database.
 */
export function openSqlite(dbPath: string): SqliteDatabase {
  const Driver = loadDriver();
  if (dbPath !== ':memory:') {
    ensureDataDirectory(path.dirname(dbPath));
  }
  const db = new Driver(dbPath, { timeout: 5000 });
  if (dbPath !== ':memory:') {
    // Several role processes may share the file: readers must not block the writer.
    db.pragma('journal_mode = WAL');
  }
  db.pragma('foreign_keys = ON');
  return db;
}

function ensureDataDirectory(dir: string) {
  if (fs.existsSync(dir)) {
    return;
  }
  fs.mkdirSync(dir, { recursive: true });
  // Keep runtime data out of git without touching the repository's .gitignore.
  if (path.basename(dir) === '.data') {
    fs.writeFileSync(path.join(dir, '.gitignore'), '*\n');
  }
}

/**
 * Runs `fn` in a `BEGIN IMMEDIATE` transaction: the write lock is taken up
 * front, so role processes sharing a file cannot both pass a "not done yet"
 * check and do the same work twice.
 */
export function immediateTransaction<T>(db: SqliteDatabase, fn: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
