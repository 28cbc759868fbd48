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

/** A head's weekly summary: the week (ISO, e.g. 2026-W48), its local first and last day, the figures. */
export interface WeeklyParams {
  week: string;
  from: string;
  to: string;
  wonCount: number;
  wonAmountCents: number;
  newLeads: number;
  overdueTasks: number;
}

interface Params {
  'task.reminder': TaskParams;
  'task.assigned': TaskParams;
  'task.escalated': TaskParams;
  'deal.report': DealReportParams;
  'report.weekly': WeeklyParams;
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

/** A local day (YYYY-MM-DD) as 21.11.2026 or 21/11/2026. */
export function formatDay(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00.000Z`));
}

/** The week number of an ISO week like 2026-W08: "8". */
export const weekNumber = (week: string) => week.replace(/^\d{4}-W0?/, '');

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
  'report.weekly': {
    de: (p) => ({
      title: `Wochenbericht KW ${weekNumber(p.week)}: ${p.wonCount} gewonnen (${formatMoney(p.wonAmountCents, 'EUR', 'de')}), ${p.newLeads} neue Leads, ${p.overdueTasks} überfällig`,
      body: `${formatDay(p.from, 'de')} – ${formatDay(p.to, 'de')}`,
    }),
    en: (p) => ({
      title: `Weekly summary W${weekNumber(p.week)}: won ${p.wonCount} (${formatMoney(p.wonAmountCents, 'EUR', 'en')}), new leads ${p.newLeads}, overdue ${p.overdueTasks}`,
      body: `${formatDay(p.from, 'en')} – ${formatDay(p.to, 'en')}`,
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
