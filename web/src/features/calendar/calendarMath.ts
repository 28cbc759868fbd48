/** The grid shows 07:00–20:00 in 30-minute rows; tasks outside sit in the first or last row. */
export const FIRST_HOUR = 7;
export const LAST_HOUR = 20;
export const SLOT_MINUTES = 30;
export const SLOTS = ((LAST_HOUR - FIRST_HOUR) * 60) / SLOT_MINUTES;

export type CalendarView = 'day' | 'week';

export function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

/** Monday of the date's week (weeks start on Monday, as in Germany). */
export function startOfWeek(date: Date): Date {
  const day = startOfDay(date);
  return addDays(day, -((day.getDay() + 6) % 7));
}

/** The days a view shows around `anchor`. */
export function daysOf(view: CalendarView, anchor: Date): Date[] {
  if (view === 'day') return [startOfDay(anchor)];
  const monday = startOfWeek(anchor);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** The ISO week number (KW). */
export function isoWeek(date: Date): number {
  const d = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  return Math.ceil(((d.getTime() - yearStart.getTime()) / 86_400_000 + 1) / 7);
}

/** "2026-11-30": a calendar day in local time, for ids and URLs. */
export function dayKey(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function parseDayKey(key: string | null): Date | null {
  const match = key ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(key) : null;
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The row a moment falls into, clamped to the grid. */
export function slotOf(date: Date): number {
  const minutes = (date.getHours() - FIRST_HOUR) * 60 + date.getMinutes();
  return Math.min(SLOTS - 1, Math.max(0, Math.floor(minutes / SLOT_MINUTES)));
}

export function isInsideGrid(date: Date): boolean {
  return date.getHours() >= FIRST_HOUR && date.getHours() < LAST_HOUR;
}

export function slotStart(day: Date, slot: number): Date {
  const start = startOfDay(day);
  start.setMinutes(FIRST_HOUR * 60 + slot * SLOT_MINUTES);
  return start;
}

export function slotId(day: Date, slot: number): string {
  return `${dayKey(day)}|${slot}`;
}

export function parseSlotId(id: string): { day: Date; slot: number } | null {
  const [key, slot] = id.split('|');
  const day = parseDayKey(key ?? null);
  const index = Number(slot);
  return day && Number.isInteger(index) && index >= 0 && index < SLOTS ? { day, slot: index } : null;
}

/**
 * Where a task moved to a slot is due: the slot's start plus the minutes it had into its old slot
 * (09:15 dragged to 11:00 becomes 11:15); a task from outside the grid gets the slot's start.
 */
export function movedDue(previous: Date, day: Date, slot: number): Date {
  const target = slotStart(day, slot);
  if (isInsideGrid(previous)) target.setMinutes(target.getMinutes() + (previous.getMinutes() % SLOT_MINUTES));
  return target;
}

/** The neighbouring slot for keyboard moves: up/down by 30 minutes, left/right by a day (within the days shown). */
export function neighbourSlot(id: string, key: string, days: Date[]): string | null {
  const at = parseSlotId(id);
  if (!at) return null;
  const index = days.findIndex((day) => dayKey(day) === dayKey(at.day));
  const moves: Record<string, [number, number]> = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] };
  const move = moves[key];
  if (!move || index < 0) return null;
  const dayIndex = Math.min(days.length - 1, Math.max(0, index + move[0]));
  const slot = Math.min(SLOTS - 1, Math.max(0, at.slot + move[1]));
  const day = days[dayIndex];
  return day ? slotId(day, slot) : null;
}
