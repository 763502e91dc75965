import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError, ServiceUnavailableError } from '@backstage/errors';
import {
  TenantNotice,
  TenantNoticeTemplate,
} from '@opsconsole/backstage-plugin-ops-common';
import { tenantNotFoundOrUnavailable } from '../platform/notFoundOrUnavailable';
import { PlatformSources, SourceTracker } from '../platform/PlatformSources';
import { maskEmail } from '../pii/masking';
import { NoticeMailer } from './NoticeMailer';
import { noticeTime, renderNotice } from './noticeTemplates';
import { NoticeStore, StoredNotice } from './NoticeStore';

export interface NoticesServiceOptions {
  templates: TenantNoticeTemplate[];
  contact: string;
  /** Undefined: no SMTP configured; notices are captured in the store, never dropped. */
  mailer?: NoticeMailer;
  store: NoticeStore;
  platform: PlatformSources;
  logger: LoggerService;
  now?: () => number;
}

/** A notice as the API shows it: the admin's address is personal data, so it is masked. */
const toApi = (n: TenantNotice): TenantNotice => ({
  tenantId: n.tenantId,
  templateId: n.templateId,
  to: maskEmail(n.to),
  subject: n.subject,
  body: n.body,
  delivery: n.delivery,
  sentAt: n.sentAt,
  messageId: n.messageId,
});

/**
 * Notices to a tenant's admin (the platform's admin contact) from templates: rendered for a
 * preview, sent over SMTP, or captured when no SMTP server is configured. Every notice sent
 * or captured is stored; one the mail server refused is not.
 */
export class NoticesService {
  private readonly now: () => number;

  constructor(private readonly options: NoticesServiceOptions) {
    this.now = options.now ?? Date.now;
  }

  listTemplates(): { templates: TenantNoticeTemplate[] } {
    return { templates: this.options.templates };
  }

  async preview(params: {
    tenantId: string;
    templateId: string;
    reason: string;
  }): Promise<TenantNotice> {
    return toApi(await this.render(params));
  }

  async send(params: {
    tenantId: string;
    templateId: string;
    reason: string;
    actor: string;
  }): Promise<TenantNotice> {
    const draft = await this.render(params);
    const { mailer, logger } = this.options;
    let messageId: string | undefined;
    if (mailer) {
      try {
        ({ messageId } = await mailer.send({
          to: draft.to,
          subject: draft.subject,
          text: draft.body,
        }));
      } catch (error) {
        throw new ServiceUnavailableError(
          `The notice was not sent: the mail server ${
            mailer.description
          } failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    } else {
      logger.info(
        `No SMTP server configured (ops.notices.smtp): notice "${draft.templateId}" to tenant ${draft.tenantId} captured, not sent`,
      );
    }
    const stored = await this.options.store.insert({
      ...draft,
      delivery: mailer ? 'smtp' : 'captured',
      messageId,
      sentAt: new Date(this.now()).toISOString(),
      reason: params.reason,
      actor: params.actor,
    });
    return toApi(stored);
  }

  async list(params: {
    tenantId: string;
    limit: number;
  }): Promise<{ notices: TenantNotice[] }> {
    const notices = await this.options.store.list(
      params.tenantId,
      params.limit,
    );
    return { notices: notices.map(toApi) };
  }

  private async render(params: {
    tenantId: string;
    templateId: string;
    reason: string;
  }): Promise<
    Pick<StoredNotice, 'tenantId' | 'templateId' | 'to' | 'subject' | 'body'>
  > {
    const template = this.options.templates.find(
      t => t.id === params.templateId,
    );
    if (!template) {
      throw new InputError(
        `Unknown notice template ${JSON.stringify(
          params.templateId,
        )}; templates: ${this.options.templates.map(t => t.id).join(', ')}`,
      );
    }
    const reason = params.reason.trim();
    if (!reason) throw new InputError('A reason is required');
    const tracker = new SourceTracker();
    const [owner] = await this.options.platform.tenantOwners(
      params.tenantId,
      tracker,
    );
    if (!owner) throw tenantNotFoundOrUnavailable(params.tenantId, tracker);
    const tenant = owner.value;
    if (!tenant.adminEmail) {
      throw new InputError(
        `Tenant ${params.tenantId} has no admin email in platform ${owner.provider.id}`,
      );
    }
    return {
      tenantId: params.tenantId,
      templateId: template.id,
      to: tenant.adminEmail,
      ...renderNotice(template, {
        tenantName: tenant.name,
        tenantId: tenant.id,
        reason,
        time: noticeTime(this.now()),
        contact: this.options.contact,
      }),
    };
  }
}
