import nodemailer, { Transporter } from 'nodemailer';
import { SmtpConfig } from './noticesConfig';

/** One notice as an email. */
export interface NoticeMail {
  to: string;
  subject: string;
  text: string;
}

/** Sends notices; rejects when the mail server did not accept the message. */
export interface NoticeMailer {
  /** Names the server in error messages, e.g. `smtp.example.com:587`. */
  readonly description: string;
  send(mail: NoticeMail): Promise<{ messageId?: string }>;
}

/** Sends over SMTP with nodemailer, one connection per notice, with bounded timeouts. */
export class SmtpNoticeMailer implements NoticeMailer {
  readonly description: string;
  private readonly transport: Transporter;

  constructor(private readonly config: SmtpConfig) {
    this.description = `${config.host}:${config.port}`;
    this.transport = nodemailer.createTransport({
      host: config.host,
      port: config.port,
      secure: config.secure,
      auth: config.auth,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
  }

  async send(mail: NoticeMail): Promise<{ messageId?: string }> {
    const info = await this.transport.sendMail({
      from: this.config.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
    });
    return { messageId: info.messageId };
  }
}
