import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Locale } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import { sampleData } from './sample-data.ts';

export const MAX_TEMPLATE_BYTES = 100_000;
const MAX_OUTPUT_BYTES = 500_000;
const TIME_LIMIT_MS = 2_000;

const handlebarsPath = createRequire(import.meta.url).resolve('handlebars');

// Runs in a worker thread: a template that loops too long or eats memory is killed without harming the server.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Handlebars = require(workerData.handlebarsPath);
const hbs = Handlebars.create();
const money = (cents, currency) => typeof cents === 'number'
  ? new Intl.NumberFormat(workerData.locale === 'en' ? 'en-GB' : 'de-DE', { style: 'currency', currency: typeof currency === 'string' ? currency : 'EUR' }).format(cents / 100).replace(/[\\u00a0\\u202f]/g, ' ')
  : '';
const date = (iso) => {
  if (typeof iso !== 'string' || !iso) return '';
  const d = /^\\d{4}-\\d{2}-\\d{2}$/.test(iso) ? new Date(iso + 'T12:00:00Z') : new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : new Intl.DateTimeFormat(workerData.locale === 'en' ? 'en-GB' : 'de-DE', { dateStyle: 'medium', timeZone: 'Europe/Berlin' }).format(d);
};
hbs.registerHelper('money', (cents, currency) => money(cents, currency));
hbs.registerHelper('date', (iso) => date(iso));
// Strict mode catches typos in field names; custom fields may be left empty or not defined at all,
// so their objects answer every key (with '' when unknown).
const lenient = (obj) => new Proxy(obj || {}, {
  has: () => true,
  get: (t, k) => (typeof k === 'string' && Object.prototype.hasOwnProperty.call(t, k) ? t[k] : ''),
  getOwnPropertyDescriptor: (t, k) => ({ value: Object.prototype.hasOwnProperty.call(t, k) ? t[k] : '', writable: false, enumerable: true, configurable: true }),
});
const data = workerData.data;
for (const key of ['deal', 'contact']) if (data[key] && typeof data[key] === 'object') data[key].customFields = lenient(data[key].customFields);
try {
  const template = hbs.compile(workerData.source, {
    strict: true,
    noEscape: true,
    knownHelpers: { money: true, date: true },
    knownHelpersOnly: true,
  });
  const out = template(data, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false, allowedProtoProperties: {}, allowedProtoMethods: {} });
  parentPort.postMessage({ ok: true, out: String(out) });
} catch (err) {
  parentPort.postMessage({ ok: false, error: String(err && err.message || err) });
}
`;

/**
 * Renders a Handlebars template string with the document data, in a throw-away worker thread with a
 * time and memory limit. Templates are plain strings (never file paths), compiled with only the
 * built-in block helpers plus `money` and `date`, and prototype access is off.
 */
export function renderTemplate(source: string, data: unknown, locale: string): Promise<string> {
  if (Buffer.byteLength(source, 'utf8') > MAX_TEMPLATE_BYTES) {
    return Promise.reject(
      new AppError('unprocessable', 'The template is too large', [
        { path: 'source', message: `at most ${MAX_TEMPLATE_BYTES} bytes` },
      ]),
    );
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: { source, data: JSON.parse(JSON.stringify(data)), locale, handlebarsPath },
      resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 },
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(
        new AppError('unprocessable', 'The template took too long to render', [
          { path: 'source', message: `stopped after ${TIME_LIMIT_MS} ms` },
        ]),
      );
    }, TIME_LIMIT_MS);
    worker.once('message', (msg: { ok: boolean; out?: string; error?: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      if (!msg.ok)
        reject(
          new AppError('unprocessable', `The template cannot be rendered: ${msg.error}`, [
            { path: 'source', message: msg.error ?? 'error' },
          ]),
        );
      else if (Buffer.byteLength(msg.out ?? '', 'utf8') > MAX_OUTPUT_BYTES)
        reject(
          new AppError('unprocessable', 'The template output is too large', [{ path: 'source', message: 'output too large' }]),
        );
      else resolve(msg.out ?? '');
    });
    worker.once('error', (err) => {
      clearTimeout(timer);
      reject(
        new AppError('unprocessable', `The template cannot be rendered: ${err.message}`, [
          { path: 'source', message: 'render failed' },
        ]),
      );
    });
  });
}

/**
 * Checks a template before it is saved: syntax, unknown helpers and (strict mode) unknown field names.
 * It renders on the editor's sample data, which has every merge field a real document has; with empty
 * data every `{{contact.name}}` would fail and no real template could be saved.
 */
export async function checkTemplate(source: string, kind = 'offer', locale: Locale = 'de'): Promise<void> {
  await renderTemplate(source, sampleData(kind, kind, locale), locale);
}
