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

const TIMEOUTS_MS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** One SMTP connection pool for a batch of messages; close it when done. */
export function createMailer(config: MailConfig): Mailer {
  // A dead mail server must not hold a page's action for minutes (nodemailer waits 2 min to connect by default);
  // values given in the URL's query win.
  const url = new URL(config.url);
  for (const [key, value] of Object.entries(TIMEOUTS_MS)) if (!url.searchParams.has(key)) url.searchParams.set(key, String(value));
  const transport = nodemailer.createTransport(url.toString(), { from: config.from });
  return {
    async send(message) {
      await transport.sendMail({ from: config.from, to: message.to, subject: message.subject, text: message.text });
    },
    close() {
      transport.close();
    },
  };
}
