import type { ColumnType, Lang, SheetColumn, SheetValue } from '../exports/spreadsheet.ts';
import type { ForecastReport, PipelineReport, TimeInStageReport } from './pipeline.schemas.ts';
import type { FunnelReport, LostReasonsReport, RevenueReport, SourcesReport } from './sales.schemas.ts';
import type { ActivityReport, ResponseTimeReport, TasksReport } from './work.schemas.ts';

/** A report as one table for CSV and XLSX: localized headers, typed cells (money in cents). */
export interface Sheet {
  name: string;
  columns: SheetColumn[];
  rows: SheetValue[][];
}

type Col = [de: string, en: string, type: ColumnType];
const sheet = (lang: Lang, name: [string, string], cols: Col[], rows: SheetValue[][]): Sheet => ({
  name: lang === 'de' ? name[0] : name[1],
  columns: cols.map(([de, en, type]) => ({ header: lang === 'de' ? de : en, type })),
  rows,
});
const pct = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);
const t = (lang: Lang, de: string, en: string) => (lang === 'de' ? de : en);

export function funnelSheet(r: FunnelReport, lang: Lang): Sheet {
  return sheet(
    lang,
    ['Trichter', 'Funnel'],
    [
      ['Phase', 'Stage', 'text'],
      ['Eingetreten', 'Entered', 'number'],
      ['Weiter', 'Advanced', 'number'],
      ['Konversion (%)', 'Conversion (%)', 'number'],
    ],
    r.stages.map((s) => [s.name, s.entered, s.advanced, pct(s.conversionRate)]),
  );
}

export function revenueSheet(r: RevenueReport, lang: Lang): Sheet {
  const first: Col = r.groupBy === 'user' ? ['Mitarbeiter', 'Employee', 'text'] : ['Monat', 'Month', 'text'];
  return sheet(
    lang,
    ['Umsatz', 'Revenue'],
    [
      first,
      ['Gewonnene Deals', 'Deals won', 'number'],
      ['Umsatz netto', 'Net revenue', 'money'],
      ['Ziel', 'Target', 'money'],
      ['Zielerreichung (%)', 'Attainment (%)', 'number'],
    ],
    r.rows.map((x) => [
      x.userId === null && r.groupBy === 'user' ? t(lang, 'ohne Besitzer', 'no owner') : x.label,
      x.wonCount,
      x.wonAmountCents,
      x.targetCents,
      pct(x.attainment),
    ]),
  );
}

export function forecastSheet(r: ForecastReport, lang: Lang): Sheet {
  return sheet(
    lang,
    ['Prognose', 'Forecast'],
    [
      ['Abschlussmonat', 'Close month', 'text'],
      ['Deals', 'Deals', 'number'],
      ['Betrag netto', 'Net amount', 'money'],
      ['Gewichtet', 'Weighted', 'money'],
    ],
    r.rows.map((x) => [x.month ?? t(lang, 'ohne Datum', 'no date'), x.count, x.amountCents, x.weightedCents]),
  );
}

export function pipelineSheet(r: PipelineReport, lang: Lang): Sheet {
  return sheet(
    lang,
    ['Pipeline', 'Pipeline'],
    [
      ['Phase', 'Stage', 'text'],
      ['Deals', 'Deals', 'number'],
      ['Betrag netto', 'Net amount', 'money'],
      ['Gewichtet', 'Weighted', 'money'],
    ],
    r.rows.map((x) => [x.name, x.count, x.amountCents, x.weightedCents]),
  );
}

export function sourcesSheet(r: SourcesReport, lang: Lang): Sheet {
  return sheet(
    lang,
    ['Quellen', 'Sources'],
    [
      ['Quelle', 'Source', 'text'],
      ['Leads', 'Leads', 'number'],
      ['Offen', 'Open', 'number'],
      ['Gewonnen', 'Won', 'number'],
      ['Verloren', 'Lost', 'number'],
      ['Umsatz netto', 'Net revenue', 'money'],
      ['Konversion (%)', 'Conversion (%)', 'number'],
    ],
    r.rows.map((x) => [
      x.source ?? t(lang, 'unbekannt', 'unknown'),
      x.leads,
      x.open,
      x.won,
      x.lost,
      x.wonAmountCents,
      pct(x.conversionRate),
    ]),
  );
}

export function timeInStageSheet(r: TimeInStageReport, lang: Lang): Sheet {
  return sheet(
    lang,
    ['Verweildauer', 'Time in stage'],
    [
      ['Phase', 'Stage', 'text'],
      ['Abgeschlossene Aufenthalte', 'Completed stays', 'number'],
      ['Durchschnitt (Tage)', 'Average (days)', 'number'],
      ['Median (Tage)', 'Median (days)', 'number'],
      ['Deals jetzt', 'Deals now', 'number'],
      ['Bisher im Schnitt (Tage)', 'So far on average (days)', 'number'],
    ],
    r.rows.map((x) => [x.name, x.exits, x.averageDays, x.medianDays, x.current, x.currentAverageDays]),
  );
}

export function lostReasonsSheet(r: LostReasonsReport, lang: Lang): Sheet {
  return sheet(
    lang,
    ['Verlustgründe', 'Lost reasons'],
    [
      ['Grund', 'Reason', 'text'],
      ['Deals', 'Deals', 'number'],
      ['Betrag netto', 'Net amount', 'money'],
      ['Anteil (%)', 'Share (%)', 'number'],
    ],
    r.rows.map((x) => [x.reason ?? t(lang, 'ohne Angabe', 'not given'), x.count, x.amountCents, pct(x.share)]),
  );
}

export function responseTimeSheet(r: ResponseTimeReport, lang: Lang): Sheet {
  const line = (name: string, f: Omit<ResponseTimeReport['byUser'][number], 'userId' | 'userName'>): SheetValue[] => [
    name,
    f.leads,
    f.contacted,
    f.never,
    f.medianMinutes,
    f.averageMinutes,
    f.p90Minutes,
  ];
  return sheet(
    lang,
    ['Reaktionszeit', 'Response time'],
    [
      ['Mitarbeiter', 'Employee', 'text'],
      ['Leads', 'Leads', 'number'],
      ['Kontaktiert', 'Contacted', 'number'],
      ['Nie', 'Never', 'number'],
      ['Median (Min.)', 'Median (min)', 'number'],
      ['Durchschnitt (Min.)', 'Average (min)', 'number'],
      ['P90 (Min.)', 'P90 (min)', 'number'],
    ],
    [line(t(lang, 'Gesamt', 'Total'), r), ...r.byUser.map((u) => line(u.userName ?? t(lang, 'ohne Besitzer', 'no owner'), u))],
  );
}

export function tasksSheet(r: TasksReport, lang: Lang): Sheet {
  const line = (name: string, f: TasksReport['total']): SheetValue[] => [
    name,
    f.open,
    f.overdue,
    f.dueToday,
    f.done,
    f.doneLate,
    f.canceled,
  ];
  return sheet(
    lang,
    ['Aufgaben', 'Tasks'],
    [
      ['Mitarbeiter', 'Employee', 'text'],
      ['Offen', 'Open', 'number'],
      ['Überfällig', 'Overdue', 'number'],
      ['Heute fällig', 'Due today', 'number'],
      ['Erledigt', 'Done', 'number'],
      ['Davon verspätet', 'Of those late', 'number'],
      ['Abgebrochen', 'Canceled', 'number'],
    ],
    [
      ...r.rows.map((u) => line(u.userName ?? t(lang, 'nicht zugewiesen', 'unassigned'), u)),
      line(t(lang, 'Gesamt', 'Total'), r.total),
    ],
  );
}

export function activitySheet(r: ActivityReport, lang: Lang): Sheet {
  const line = (name: string, f: ActivityReport['total']): SheetValue[] => [name, f.call, f.email, f.meeting, f.note, f.total];
  return sheet(
    lang,
    ['Aktivitäten', 'Activities'],
    [
      r.groupBy === 'user' ? ['Mitarbeiter', 'Employee', 'text'] : ['Monat', 'Month', 'text'],
      ['Anrufe', 'Calls', 'number'],
      ['E-Mails', 'E-mails', 'number'],
      ['Termine', 'Meetings', 'number'],
      ['Notizen', 'Notes', 'number'],
      ['Gesamt', 'Total', 'number'],
    ],
    [
      ...r.rows.map((x) => line(x.userId === null && r.groupBy === 'user' ? t(lang, 'unbekannt', 'unknown') : x.label, x)),
      line(t(lang, 'Gesamt', 'Total'), r.total),
    ],
  );
}
