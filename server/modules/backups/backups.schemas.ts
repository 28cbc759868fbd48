import { type Static, Type } from 'typebox';
import { Timestamp } from '../../http/schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const BackupId = Type.String({
  pattern: '^kontor-\\d{8}T\\d{6}Z(-\\d{1,3})?-(manual|scheduled|pre-upgrade)$',
  maxLength: 64,
  examples: ['kontor-20261128T033000Z-scheduled'],
});
export const BackupIdParams = Type.Object({ id: BackupId }, { additionalProperties: false });

const Kind = Type.Union([Type.Literal('manual'), Type.Literal('scheduled'), Type.Literal('pre-upgrade')], {
  description: 'manual: by an admin; scheduled: the nightly timer; pre-upgrade: by the server before migrating',
});

export const BackupSchema = Type.Object(
  {
    id: BackupId,
    createdAt: Timestamp,
    kind: Kind,
    state: Type.Union([Type.Literal('ok'), Type.Literal('unreadable'), Type.Literal('running'), Type.Literal('interrupted')], {
      description:
        'ok: complete and verified when written; unreadable: the archive cannot be read; running: being written; interrupted: its process died (cleaned up by the next backup)',
    }),
    sizeBytes: Nullable(Type.Integer({ minimum: 0 })),
    kontorVersion: Nullable(Type.String()),
    counts: Nullable(Type.Record(Type.String(), Type.Integer({ minimum: 0 }), { description: 'Rows per table' })),
    fileCount: Nullable(Type.Integer({ minimum: 0, description: 'Files in the archive, the database included' })),
  },
  {
    examples: [
      {
        id: 'kontor-20261128T033000Z-scheduled',
        createdAt: '2026-11-28T03:30:00.000Z',
        kind: 'scheduled',
        state: 'ok',
        sizeBytes: 4_812_331,
        kontorVersion: '0.1.0',
        counts: { users: 8, contacts: 1520, companies: 412, deals: 233 },
        fileCount: 57,
      },
    ],
  },
);
export type Backup = Static<typeof BackupSchema>;

export const BackupJobSchema = Type.Object(
  {
    id: BackupId,
    state: Type.Union([Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')]),
    phase: Type.Union([Type.Literal('database'), Type.Literal('files'), Type.Literal('archive'), Type.Literal('verify')], {
      description: 'database: copying pages; files: copying documents and uploads; archive: compressing; verify: re-reading',
    }),
    done: Type.Number({ minimum: 0, description: 'Progress within the phase: pages (database) or bytes' }),
    total: Type.Number({ minimum: 0 }),
    startedAt: Timestamp,
    finishedAt: Nullable(Timestamp),
    error: Nullable(Type.String()),
    sizeBytes: Nullable(Type.Integer({ minimum: 0 })),
  },
  {
    examples: [
      {
        id: 'kontor-20261128T101500Z-manual',
        state: 'running',
        phase: 'database',
        done: 2048,
        total: 8192,
        startedAt: '2026-11-28T10:15:00.000Z',
        finishedAt: null,
        error: null,
        sizeBytes: null,
      },
    ],
  },
);
export type BackupJob = Static<typeof BackupJobSchema>;

export const BackupOverviewSchema = Type.Object(
  {
    directory: Type.String({ description: 'The backup folder on the server (KONTOR_BACKUP_DIR)' }),
    items: Type.Array(BackupSchema, { description: 'Newest first' }),
    job: Nullable(BackupJobSchema),
    lastFailure: Nullable(
      Type.Object(
        { at: Timestamp, kind: Kind, error: Type.String() },
        { description: 'The last backup that failed (UI, timer or CLI), until one succeeds' },
      ),
    ),
  },
  {
    examples: [
      {
        directory: '/var/lib/kontor/backups',
        items: [
          {
            id: 'kontor-20261128T033000Z-scheduled',
            createdAt: '2026-11-28T03:30:00.000Z',
            kind: 'scheduled',
            state: 'ok',
            sizeBytes: 4_812_331,
            kontorVersion: '0.1.0',
            counts: { users: 8, contacts: 1520, companies: 412, deals: 233 },
            fileCount: 57,
          },
        ],
        job: null,
        lastFailure: null,
      },
    ],
  },
);
export type BackupOverview = Static<typeof BackupOverviewSchema>;

export const StartBackupSchema = Type.Object({}, { additionalProperties: false, examples: [{}] });
