import path from 'node:path';
import fastifyMultipart from '@fastify/multipart';
import { Type } from 'typebox';
import { actorOf } from '../../http/auth.ts';
import { listQuery } from '../../http/list.ts';
import { IdParams, ListOf, problemResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { langOf, sendFile } from '../exports/exports.routes.ts';
import { IMPORT_LIST } from './imports.repository.ts';
import {
  ErrorReportQuery,
  ImportErrorsFileResponse,
  ImportSchema,
  ImportSummarySchema,
  ImportUploadSchema,
  PreviewSchema,
  PreviewUploadSchema,
} from './imports.schemas.ts';
import * as service from './imports.service.ts';
import { ImportRunner } from './runner.ts';
import { readUpload, UPLOAD_LIMITS } from './upload.ts';

const tags = ['Imports'];
const uploadProblems = {
  ...problemResponses,
  413: Type.Ref('Problem'),
  415: Type.Ref('Problem'),
  422: Type.Ref('Problem'),
};
// Multipart bodies are read part by part in the handler (fields, then the file); the body schema
// only documents the form in OpenAPI.
const documentOnly = () => () => true;

export function importsRoutes(app: App, { ctx }: RouteDeps): void {
  const runner = new ImportRunner(ctx, path.join(ctx.config.dataDir, 'imports'));
  app.addHook('onReady', () => runner.resume());
  app.addHook('onClose', () => runner.stop());

  // multipart parsing exists only inside this scope: every other route keeps parsing JSON as before
  app.register(async (scope: App) => {
    await scope.register(fastifyMultipart, { limits: UPLOAD_LIMITS });

    scope.post(
      '/api/v1/imports',
      {
        validatorCompiler: documentOnly,
        schema: {
          tags,
          summary: 'Import contacts, companies or deals from CSV or XLSX (processed in the background)',
          description:
            'Answers 202 at once; poll GET /api/v1/imports/{id} for progress. Rows are validated like the API (custom fields, e-mail, owner rules; for deals also stage gates and lost reasons); failed rows are reported and do not stop the others.',
          consumes: ['multipart/form-data'],
          body: ImportUploadSchema,
          response: { 202: ImportSchema, ...uploadProblems },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const { checked, file } = await readUpload(request, (fields) => service.checkImportFields(ctx, fields));
        return reply.code(202).send(await service.startImport(ctx, runner, actor, checked, file));
      },
    );

    scope.post(
      '/api/v1/imports/preview',
      {
        validatorCompiler: documentOnly,
        schema: {
          tags,
          summary: 'Read the header and first rows of a file and suggest a mapping (nothing is imported)',
          consumes: ['multipart/form-data'],
          body: PreviewUploadSchema,
          response: { 200: PreviewSchema, ...uploadProblems },
        },
      },
      async (request) => {
        actorOf(request);
        const { checked, file } = await readUpload(request, async (fields) => fields);
        return service.previewImport(ctx, checked, file);
      },
    );
  });

  app.get(
    '/api/v1/imports',
    {
      schema: {
        tags,
        summary: 'Your imports, newest first',
        querystring: listQuery(IMPORT_LIST),
        response: { 200: ListOf(ImportSummarySchema), ...problemResponses },
      },
    },
    async (request) => service.listImports(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/v1/imports/:id',
    {
      schema: {
        tags,
        summary: 'Progress and result of an import (only its starter and administrators see it)',
        params: IdParams,
        response: { 200: ImportSchema, ...problemResponses },
      },
    },
    async (request) => service.getImport(ctx, actorOf(request), request.params.id),
  );

  app.get(
    '/api/v1/imports/:id/errors.csv',
    {
      schema: {
        tags,
        summary: 'Download the failed rows: row number, message and the original values (CSV)',
        params: IdParams,
        querystring: ErrorReportQuery,
        response: { 200: ImportErrorsFileResponse, ...problemResponses },
      },
    },
    async (request, reply) => {
      const file = await service.errorReport(ctx, actorOf(request), request.params.id, langOf(request));
      return sendFile(reply, file, file.stream);
    },
  );
}
