import type { CreateTask, Task, UpdateTask } from '../../api/types.ts';
import { fromPickerValue, toPickerValue } from './format.ts';

export interface TaskFormValues {
  title: string;
  type: string;
  /** "YYYY-MM-DD HH:mm:ss" in local time, as the date picker holds it. */
  dueAt: string | null;
  reminderMinutes: number | string;
  assigneeId: string | null;
  contactId: string | null;
  companyId: string | null;
  dealId: string | null;
  description: string;
}

/** What a new task starts with; the caller may pre-fill links, title and type. */
export type TaskDefaults = Partial<
  Pick<CreateTask, 'title' | 'type' | 'contactId' | 'companyId' | 'dealId' | 'assigneeId' | 'dueAt'>
>;

export function valuesOfTask(task: Task): TaskFormValues {
  return {
    title: task.title,
    type: task.type,
    dueAt: toPickerValue(task.dueAt),
    reminderMinutes: task.reminderMinutes ?? '',
    assigneeId: task.assigneeId,
    contactId: task.contactId,
    companyId: task.companyId,
    dealId: task.dealId,
    description: task.description ?? '',
  };
}

export function valuesOfDefaults(defaults: TaskDefaults, me: string, reminder: number | null): TaskFormValues {
  return {
    title: defaults.title ?? '',
    type: defaults.type ?? 'todo',
    dueAt: toPickerValue(defaults.dueAt ?? null),
    reminderMinutes: reminder ?? '',
    assigneeId: defaults.assigneeId ?? me,
    contactId: defaults.contactId ?? null,
    companyId: defaults.companyId ?? null,
    dealId: defaults.dealId ?? null,
    description: '',
  };
}

const reminderOf = (value: number | string): number | null => (typeof value === 'number' ? value : null);

export function createOf(values: TaskFormValues): CreateTask {
  const input: CreateTask = {
    title: values.title.trim(),
    type: values.type,
    reminderMinutes: reminderOf(values.reminderMinutes),
  };
  // Without a due time the type's SLA (if any) sets one on the server.
  const dueAt = fromPickerValue(values.dueAt);
  if (dueAt) input.dueAt = dueAt;
  if (values.assigneeId) input.assigneeId = values.assigneeId;
  if (values.contactId) input.contactId = values.contactId;
  if (values.companyId) input.companyId = values.companyId;
  if (values.dealId) input.dealId = values.dealId;
  if (values.description.trim()) input.description = values.description.trim();
  return input;
}

/** Only what changed, so a concurrent edit of another field is not overwritten. */
export function changesOf(task: Task, values: TaskFormValues): UpdateTask {
  const changes: UpdateTask = {};
  if (values.title.trim() !== task.title) changes.title = values.title.trim();
  if (values.type !== task.type) changes.type = values.type;
  // Compared to the minute, as the picker shows it: an untouched due time is not sent (it would reset escalatedAt).
  if (values.dueAt !== toPickerValue(task.dueAt)) changes.dueAt = fromPickerValue(values.dueAt);
  if (reminderOf(values.reminderMinutes) !== task.reminderMinutes) changes.reminderMinutes = reminderOf(values.reminderMinutes);
  if (values.assigneeId && values.assigneeId !== task.assigneeId) changes.assigneeId = values.assigneeId;
  for (const key of ['contactId', 'companyId', 'dealId'] as const) {
    if (values[key] !== task[key]) changes[key] = values[key];
  }
  const description = values.description.trim() || null;
  if (description !== task.description) changes.description = description;
  return changes;
}
