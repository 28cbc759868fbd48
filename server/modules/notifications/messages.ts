import type { Locale } from '../../db/schema.ts';

// The notifications Kontor writes itself, in every UI language. A notification keeps its message key
// and parameters (raw values: ISO times, names), so it reads in the language of whoever opens it.

export interface MessageParams {
  title: string;
  /** ISO due time of the task */
  dueAt?: string | null;
  /** the linked deal · contact · company */
  record?: string | null;
  assignee?: string | null;
}

export type MessageKey = 'task.reminder' | 'task.assigned' | 'task.escalated';

interface Text {
  title: string;
  body: string;
}

/** A date and time as the reader writes it, in the company's time zone. */
export function formatDateTime(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'de-DE', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  }).format(new Date(iso));
}

const line = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' · ');

const MESSAGES: Record<MessageKey, Record<Locale, (p: MessageParams) => Text>> = {
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
};

export function isMessageKey(key: string | null): key is MessageKey {
  return key !== null && Object.hasOwn(MESSAGES, key);
}

export function renderMessage(key: MessageKey, params: MessageParams, locale: Locale): Text {
  return MESSAGES[key][locale](params);
}
