import { formatDateTime, formatDuration, formatMoney } from '../../core/format.ts';
import type { Locale } from '../../db/schema.ts';
import { stageName } from '../pipelines/stage-names.ts';

// The notifications Kontor writes itself, in every UI language. A notification keeps its message key
// and parameters (raw values: ISO times, cents, seconds, names), so it reads in the language of whoever
// opens it.

interface TaskParams {
  title: string;
  /** ISO due time of the task */
  dueAt?: string | null;
  /** the linked deal · contact · company */
  record?: string | null;
  assignee?: string | null;
}

interface DealReportParams {
  title: string;
  grossCents: number;
  currency: string;
  /** each stage the deal passed and how long it stayed there (key: shipped stages read in English) */
  stages: { name: string; key?: string | null; seconds: number | null }[];
  totalSeconds: number;
}

interface Params {
  'task.reminder': TaskParams;
  'task.assigned': TaskParams;
  'task.escalated': TaskParams;
  'deal.report': DealReportParams;
}

export type MessageKey = keyof Params;
export type Message = { [K in MessageKey]: { key: K; params: Params[K] } }[MessageKey];

interface Text {
  title: string;
  body: string;
}

/** "Stage: duration" per stage the deal passed. */
export function stageDurations(p: DealReportParams, locale: Locale): string[] {
  return p.stages.map((s) => `${stageName({ key: s.key ?? null, name: s.name }, locale)}: ${formatDuration(s.seconds, locale)}`);
}

const line = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' · ');

type Catalogue = { [K in MessageKey]: Record<Locale, (p: Params[K]) => Text> };

const MESSAGES: Catalogue = {
  'task.reminder': {
    de: (p) => ({ title: p.title, body: line(`Fällig ${formatDateTime(p.dueAt, 'de')}`, p.record) }),
    en: (p) => ({ title: p.title, body: line(`Due ${formatDateTime(p.dueAt, 'en')}`, p.record) }),
  },
  'task.assigned': {
    de: (p) => ({ title: p.title, body: line(p.dueAt ? `Fällig ${formatDateTime(p.dueAt, 'de')}` : null, p.record) }),
    en: (p) => ({ title: p.title, body: line(p.dueAt ? `Due ${formatDateTime(p.dueAt, 'en')}` : null, p.record) }),
  },
  'task.escalated': {
    de: (p) => ({
      title: `Überfällig: ${p.title} (${p.assignee ?? '—'})`,
      body: line(`Fällig war ${formatDateTime(p.dueAt, 'de')}`, p.record),
    }),
    en: (p) => ({
      title: `Overdue: ${p.title} (${p.assignee ?? '—'})`,
      body: line(`Was due ${formatDateTime(p.dueAt, 'en')}`, p.record),
    }),
  },
  'deal.report': {
    de: (p) => ({
      title: `Abgeschlossen: ${p.title} (${formatMoney(p.grossCents, p.currency, 'de')})`,
      body: line(...stageDurations(p, 'de'), `Gesamt ${formatDuration(p.totalSeconds, 'de')}`),
    }),
    en: (p) => ({
      title: `Completed: ${p.title} (${formatMoney(p.grossCents, p.currency, 'en')})`,
      body: line(...stageDurations(p, 'en'), `Total ${formatDuration(p.totalSeconds, 'en')}`),
    }),
  },
};

export function isMessageKey(key: string | null): key is MessageKey {
  return key !== null && Object.hasOwn(MESSAGES, key);
}

export function renderMessage(message: Message, locale: Locale): Text {
  const render = MESSAGES[message.key][locale] as (p: Message['params']) => Text;
  return render(message.params);
}
