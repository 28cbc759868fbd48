import fs from 'node:fs';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Ctx } from '../../core/context.ts';
import { duePending, markFailed, markSent } from './outbox.ts';

const MAX_ATTEMPTS = 8;

/** Where a document's PDF lives; the documents module registers it so the mailer never trusts paths from data. */
export type DocumentFileResolver = (documentId: string) => Promise<string | null>;

/**
 * Sends the outbox through SMTP (KONTOR_SMTP_URL) after commit: woken by mail.queued events and by
 * every scheduler tick, one drain at a time, with exponential back-off on failures.
 */
export class Mailer {
  #transport: Transporter | null = null;
  #running: Promise<void> | null = null;
  #again = false;
  #unsubscribe: () => void;
  resolveDocument: DocumentFileResolver = async () => null;

  constructor(private readonly ctx: Ctx) {
    this.#unsubscribe = ctx.events.on('mail.queued', () => this.kick());
  }

  get enabled(): boolean {
    return this.ctx.config.smtpUrl !== null;
  }

  #getTransport(): Transporter {
    this.#transport ??= nodemailer.createTransport(this.ctx.config.smtpUrl as string);
    return this.#transport;
  }

  /** Starts a drain, or asks the running one to look again when it is done. */
  kick(): Promise<void> {
    if (!this.enabled) return Promise.resolve();
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = (async () => {
      try {
        do {
          this.#again = false;
          await this.#drain();
        } while (this.#again);
      } finally {
        this.#running = null;
      }
    })();
    return this.#running;
  }

  async #drain(): Promise<void> {
    const now = this.ctx.clock.now();
    const batch = await duePending(this.ctx.db, now.toISOString(), 50);
    for (const mail of batch) {
      try {
        const attachments = [];
        for (const a of JSON.parse(mail.attachments) as { filename: string; contentType: string; documentId: string }[]) {
          const file = await this.resolveDocument(a.documentId);
          if (file)
            attachments.push({ filename: a.filename, contentType: a.contentType, content: await fs.promises.readFile(file) });
        }
        await this.#getTransport().sendMail({
          from: this.ctx.config.mailFrom,
          to: mail.toAddress,
          subject: mail.subject,
          text: mail.text,
          ...(mail.html ? { html: mail.html } : {}),
          attachments,
        });
        await markSent(this.ctx.db, mail.id, this.ctx.clock.now().toISOString());
      } catch (err) {
        const attempts = mail.attempts + 1;
        const delay = Math.min(2 ** attempts * 30_000, 6 * 3600_000);
        const final = attempts >= MAX_ATTEMPTS;
        this.ctx.log.warn({ err, mailId: mail.id, attempts, final }, 'sending e-mail failed');
        await markFailed(
          this.ctx.db,
          mail.id,
          attempts,
          (err as Error).message,
          new Date(now.getTime() + delay).toISOString(),
          final,
        );
      }
    }
  }

  async close(): Promise<void> {
    this.#unsubscribe();
    await this.#running;
    this.#transport?.close();
  }
}
