/*
 * CLI entry: starts the roles listed in EXAMPLE_PLATFORM_ROLES (default all)
 * and runs until SIGINT/SIGTERM.
 *
 *   yarn workspace @opsconsole/backstage-plugin-example-platform start
 */
import { resolveLogLevel, resolveRoles } from './config';
import { createConsoleLogger } from './logger';
import { startRoles } from './platform';

async function main() {
  const logger = createConsoleLogger(resolveLogLevel(process.env));
  const platform = await startRoles({
    roles: resolveRoles(process.env),
    logger,
  });

  logger.info(`database ${platform.dbPath}`);
  for (const role of platform.roles) {
    logger.info(`${role} role listening on ${platform.urls[role]}`, {
      health: `${platform.urls[role]}/health`,
    });
  }

  const shutdown = (signal: NodeJS.Signals) => {
    logger.info(`received ${signal}, shutting down`);
    platform.close().then(
      () => process.exit(0),
      error => {
        logger.error('shutdown failed', { error: String(error) });
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch(error => {
  process.stderr.write(
    `example-platform failed to start: ${error?.stack ?? error}\n`,
  );
  process.exit(1);
});
