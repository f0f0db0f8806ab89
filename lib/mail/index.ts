import 'server-only';
/**
 * Outgoing e-mail through nodemailer's SMTP transport. Configured by two variables (.env.example): OPORA_SMTP_URL
 * (smtp://user:password@host:587, smtps://… for TLS from the start) and OPORA_MAIL_FROM («Опора <noreply@…>»).
 * Without them mail is off and `mailEnabled()` says so: callers offer what works without it.
 */
import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface MailConfig {
  url: string;
  from: string;
}

export function mailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig | null {
  const url = env.OPORA_SMTP_URL?.trim();
  const from = env.OPORA_MAIL_FROM?.trim();
  if (!url || !from) return null;
  return { url, from };
}

export function mailEnabled(): boolean {
  return mailConfig() !== null;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** One SMTP connection pool for a batch of messages; close it when done. */
export function createMailer(config: MailConfig): Mailer {
  const transport = nodemailer.createTransport(config.url, { from: config.from });
  return {
    async send(message) {
      await transport.sendMail({ from: config.from, to: message.to, subject: message.subject, text: message.text });
    },
    close() {
      transport.close();
    },
  };
}
