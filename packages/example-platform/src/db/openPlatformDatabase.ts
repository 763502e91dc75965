import { seedHistory } from '../history/seedHistory';
import { DeliverabilityRepository } from './DeliverabilityRepository';
import { DirectoryRepository } from './DirectoryRepository';
import { FeatureEvaluationRepository } from './FeatureEvaluationRepository';
import { QueueRepository } from './QueueRepository';
import { PlatformRepository } from './repository';
import { applySchema } from './schema';
import { seedDatabase } from './seed';
import { openSqlite, SqliteDatabase } from './sqlite';

/** An open, migrated and seeded platform database. */
export interface PlatformDatabase {
  db: SqliteDatabase;
  repository: PlatformRepository;
  directory: DirectoryRepository;
  deliverability: DeliverabilityRepository;
  featureEvaluations: FeatureEvaluationRepository;
  queues: QueueRepository;
  close(): void;
}

/** Options of {@link openPlatformDatabase}. */
export interface OpenPlatformDatabaseOptions {
  /**
   * Whether a fresh database gets 30 days of login and delivery history
   * ending at `now` (once per database). Default false.
   */
  seedHistory?: boolean;
  now?: Date;
}

/** Opens the database at `dbPath`, applies the schema and seeds it. */
export function openPlatformDatabase(
  dbPath: string,
  options: OpenPlatformDatabaseOptions = {},
): PlatformDatabase {
  const db = openSqlite(dbPath);
  try {
    applySchema(db);
    seedDatabase(db);
    if (options.seedHistory) {
      seedHistory(db, options.now);
    }
  } catch (error) {
    db.close();
    throw error;
  }
  return {
    db,
    repository: new PlatformRepository(db),
    directory: new DirectoryRepository(db),
    deliverability: new DeliverabilityRepository(db),
    featureEvaluations: new FeatureEvaluationRepository(db),
    queues: new QueueRepository(db),
    close() {
      if (db.open) {
        db.close();
      }
    },
  };
}
