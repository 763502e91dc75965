import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { Knex } from 'knex';
import { PlatformSources } from '../platform/PlatformSources';
import { Capability } from '../routerTypes';
import { DatabaseNoticeStore } from './DatabaseNoticeStore';
import { SmtpNoticeMailer } from './NoticeMailer';
import { readNoticesConfig } from './noticesConfig';
import { NoticesService } from './NoticesService';

/** Wires tenant notices from `ops.notices` (SMTP when configured, else captured). */
export function createNotices(deps: {
  db: Knex;
  config: Config;
  platform: PlatformSources;
  logger: LoggerService;
}): Capability<{ notices: NoticesService }> {
  const config = readNoticesConfig(deps.config);
  if (!config.smtp) {
    deps.logger.warn(
      'ops.notices.smtp is not configured: tenant notices are captured in the database and listed, not sent',
    );
  }
  const notices = new NoticesService({
    templates: config.templates,
    contact: config.contact,
    mailer: config.smtp && new SmtpNoticeMailer(config.smtp),
    store: DatabaseNoticeStore.create(deps.db),
    platform: deps.platform,
    logger: deps.logger,
  });
  return { routes: { notices } };
}
