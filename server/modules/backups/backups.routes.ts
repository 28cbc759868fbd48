import fs from 'node:fs';
import path from 'node:path';
import { Type } from 'typebox';
import { actorOf } from '../../http/auth.ts';
import { problemResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { BackupIdParams, BackupJobSchema, BackupOverviewSchema, StartBackupSchema } from './backups.schemas.ts';
import * as service from './backups.service.ts';

const tags = ['Backups'];

export function backupsRoutes(app: App, { ctx }: RouteDeps): void {
  const runner = new service.BackupRunner(ctx);
  app.addHook('onClose', () => runner.close());

  app.get(
    '/api/v1/backups',
    {
      schema: {
        tags,
        summary: 'The backups in the backup folder, the running or last backup started here, the last failure (admin)',
        response: { 200: BackupOverviewSchema, ...problemResponses },
      },
    },
    async (request) => service.overview(ctx, actorOf(request), runner),
  );

  app.post(
    '/api/v1/backups',
    {
      schema: {
        tags,
        summary: 'Take a backup now (admin); runs in the background, poll GET /api/v1/backups for its progress',
        body: StartBackupSchema,
        response: { 202: BackupJobSchema, ...problemResponses },
      },
    },
    async (request, reply) => reply.code(202).send(service.startBackup(actorOf(request), runner)),
  );

  app.get(
    '/api/v1/backups/:id/download',
    {
      schema: {
        tags,
        summary: 'Download a backup archive (admin)',
        params: BackupIdParams,
        response: {
          200: {
            description: 'The tar.gz archive, as an attachment',
            content: { 'application/gzip': { schema: Type.String({ format: 'binary' }) } },
          },
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const file = service.backupFile(ctx, actorOf(request), request.params.id);
      return reply
        .header('content-type', 'application/gzip')
        .header('content-disposition', `attachment; filename="${path.basename(file)}"`)
        .header('content-length', fs.statSync(file).size)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(fs.createReadStream(file));
    },
  );
}
