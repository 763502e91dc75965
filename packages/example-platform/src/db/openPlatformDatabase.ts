import { PlatformRepository } from './repository';
import { applySchema } from './schema';
import { seedDatabase } from './seed';
import { openSqlite, SqliteDatabase } from './sqlite';

/** An open, migrated and seeded platform database. */
export interface PlatformDatabase {
  db: SqliteDatabase;
  repository: PlatformRepository;
  close(): void;
}

/** Opens the database at `dbPath`, applies the schema and seeds it. */
export function openPlatformDatabase(dbPath: string): PlatformDatabase {
  const db = openSqlite(dbPath);
  try {
    applySchema(db);
    seedDatabase(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return {
    db,
    repository: new PlatformRepository(db),
    close() {
      if (db.open) {
        db.close();
      }
    },
  };
}
