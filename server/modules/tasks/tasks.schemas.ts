import { type Static, Type } from 'typebox';
import { Id, ListQueryBase, Stamps, Timestamp } from '../../http/schemas.ts';

const NullableId = Type.Union([Id, Type.Null()]);
const NullableString = Type.Union([Type.String(), Type.Null()]);
export const TaskStatusSchema = Type.Union([Type.Literal('open'), Type.Literal('done'), Type.Literal('canceled')]);
const TypeKey = Type.String({
  pattern: '^[a-z][a-z0-9_-]{0,39}$',
  description: 'call, meeting, measurement, calculation, installation, todo, or a type the admin added',
});

export const TaskSchema = Type.Object(
  {
    ...Stamps,
    title: Type.String(),
    type: Type.String(),
    description: NullableString,
    dueAt: Type.Union([Timestamp, Type.Null()]),
    reminderMinutes: Type.Union([Type.Integer(), Type.Null()], {
      description: 'Reminder this many minutes before due; null: none',
    }),
    assigneeId: NullableId,
    assigneeName: NullableString,
    contactId: NullableId,
    contactName: NullableString,
    companyId: NullableId,
    companyName: NullableString,
    dealId: NullableId,
    dealTitle: NullableString,
    status: TaskStatusSchema,
    overdue: Type.Boolean(),
    completedAt: Type.Union([Timestamp, Type.Null()]),
    completedBy: NullableId,
    completionNote: NullableString,
    escalatedAt: Type.Union([Timestamp, Type.Null()], { description: 'When the head was told it expired' }),
    createdBy: NullableId,
    origin: NullableString,
  },
  {
    examples: [
      {
        id: '01jdq3m6e2x7k9v4b8c1n5t0tk',
        title: 'Kunden anrufen: Auftrag klären',
        type: 'call',
        description: null,
        dueAt: '2026-11-28T09:30:00.000Z',
        reminderMinutes: 5,
        assigneeId: '01jdq3m6e2x7k9v4b8c1n5t0aw',
        assigneeName: 'Thomas Becker',
        contactId: '01jdq3m6e2x7k9v4b8c1n5t0ct',
        contactName: 'Anna Schmidt',
        companyId: null,
        companyName: null,
        dealId: '01jdq3m6e2x7k9v4b8c1n5t0dl',
        dealTitle: 'Fenster Einfamilienhaus Schmidt',
        status: 'open',
        overdue: false,
        completedAt: null,
        completedBy: null,
        completionNote: null,
        escalatedAt: null,
        createdBy: null,
        origin: 'workflow',
        createdAt: '2026-11-28T09:15:00.000Z',
        updatedAt: '2026-11-28T09:15:00.000Z',
        version: 1,
      },
    ],
  },
);
export type Task = Static<typeof TaskSchema>;

const writable = {
  type: Type.Optional(TypeKey),
  description: Type.Optional(Type.Union([Type.String({ maxLength: 10_000 }), Type.Null()])),
  dueAt: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
  reminderMinutes: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 60 * 24 * 30 }), Type.Null()])),
  assigneeId: Type.Optional(Id),
  contactId: Type.Optional(NullableId),
  companyId: Type.Optional(NullableId),
  dealId: Type.Optional(NullableId),
};

export const CreateTaskSchema = Type.Object(
  { title: Type.String({ minLength: 1, maxLength: 300 }), ...writable },
  {
    additionalProperties: false,
    description:
      'type defaults to todo, assigneeId to you; without dueAt a type with an SLA (call: 15 min) sets it, in business hours when they are on',
    examples: [
      { title: 'Rückruf wegen Aufmaß', type: 'call', dueAt: '2026-11-28T10:00:00Z', contactId: '01jdq3m6e2x7k9v4b8c1n5t0ct' },
    ],
  },
);
export type CreateTask = Static<typeof CreateTaskSchema>;

export const UpdateTaskSchema = Type.Object(
  { title: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })), status: Type.Optional(TaskStatusSchema), ...writable },
  { additionalProperties: false, minProperties: 1, examples: [{ dueAt: '2026-11-29T08:00:00Z' }, { status: 'canceled' }] },
);
export type UpdateTask = Static<typeof UpdateTaskSchema>;

export const CompleteTaskSchema = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: 10_000 })) },
  { additionalProperties: false, examples: [{ note: 'Termin für Aufmaß am Dienstag 10 Uhr vereinbart' }] },
);

export const TaskListQuery = Type.Object(
  {
    ...ListQueryBase,
    assigneeId: Type.Optional(Type.String()),
    mine: Type.Optional(Type.Boolean()),
    status: Type.Optional(TaskStatusSchema),
    type: Type.Optional(Type.String()),
    contactId: Type.Optional(Type.String()),
    companyId: Type.Optional(Type.String()),
    dealId: Type.Optional(Type.String()),
    due: Type.Optional(
      Type.Union([Type.Literal('overdue'), Type.Literal('today'), Type.Literal('upcoming'), Type.Literal('none')], {
        description: 'open tasks by due time, today in Europe/Berlin',
      }),
    ),
    dueFrom: Type.Optional(Type.String({ format: 'date-time' })),
    dueTo: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);
export type TaskListQuery = Static<typeof TaskListQuery>;

export const TaskCommentSchema = Type.Object(
  {
    id: Id,
    taskId: Id,
    userId: NullableId,
    userName: NullableString,
    body: Type.String(),
    createdAt: Timestamp,
  },
  {
    examples: [
      {
        id: '01jdq3m6e2x7k9v4b8c1n5t0tc',
        taskId: '01jdq3m6e2x7k9v4b8c1n5t0tk',
        userId: '01jdq3m6e2x7k9v4b8c1n5t0aw',
        userName: 'Anna Schmidt',
        body: 'Kunde erst ab 16 Uhr erreichbar.',
        createdAt: '2026-11-28T09:50:00.000Z',
      },
    ],
  },
);
export const CreateTaskCommentSchema = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: 10_000 }) },
  { additionalProperties: false, examples: [{ body: 'Kunde erst ab 16 Uhr erreichbar.' }] },
);

export const TaskTypeSchema = Type.Object(
  {
    key: Type.String(),
    nameDe: Type.String(),
    nameEn: Type.String(),
    reminderMinutes: Type.Union([Type.Integer(), Type.Null()]),
    slaMinutes: Type.Union([Type.Integer(), Type.Null()], {
      description: 'Due this many (business) minutes after creation when no due time is given',
    }),
    position: Type.Integer(),
    builtin: Type.Boolean(),
  },
  {
    examples: [
      { key: 'call', nameDe: 'Anruf', nameEn: 'Call', reminderMinutes: 5, slaMinutes: 15, position: 0, builtin: true },
      {
        key: 'delivery',
        nameDe: 'Lieferung',
        nameEn: 'Delivery',
        reminderMinutes: 120,
        slaMinutes: null,
        position: 5,
        builtin: false,
      },
    ],
  },
);
export const CreateTaskTypeSchema = Type.Object(
  {
    key: TypeKey,
    nameDe: Type.String({ minLength: 1, maxLength: 60 }),
    nameEn: Type.String({ minLength: 1, maxLength: 60 }),
    reminderMinutes: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Null()])),
    slaMinutes: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
    position: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false, examples: [{ key: 'delivery', nameDe: 'Lieferung', nameEn: 'Delivery', reminderMinutes: 120 }] },
);
export const UpdateTaskTypeSchema = Type.Partial(Type.Omit(CreateTaskTypeSchema, ['key']), {
  additionalProperties: false,
  minProperties: 1,
  examples: [{ reminderMinutes: 30, slaMinutes: 240 }],
});
