import fs from 'node:fs';
import fastifyMultipart from '@fastify/multipart';
import { Type } from 'typebox';
import { isAdmin } from '../../core/actor.ts';
import { actorOf } from '../../http/auth.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { expectedVersion } from '../../http/if-match.ts';
import { listQuery } from '../../http/list.ts';
import { IdParams, ListOf, problemResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { getCompanySettings } from '../settings/company.service.ts';
import { deleteSetting, getSetting, putSetting } from '../settings/settings.repository.ts';
import * as templates from './document-templates.ts';
import {
  CreateDocumentSchema,
  CreateTemplateSchema,
  DocumentSchema,
  PreviewSchema,
  SendDocumentSchema,
  TemplateSchema,
  UpdateTemplateSchema,
} from './documents.schemas.ts';
import * as service from './documents.service.ts';
import { sampleData } from './sample-data.ts';

const tags = ['Documents'];
const Pdf = {
  description: 'The PDF (sent as it is, never as JSON)',
  content: { 'application/pdf': { schema: Type.String({ format: 'binary' }) } },
};
const Logo = {
  description: 'The logo as uploaded',
  content: {
    'image/png': { schema: Type.String({ format: 'binary' }) },
    'image/jpeg': { schema: Type.String({ format: 'binary' }) },
  },
};

function sendPdf(reply: import('fastify').FastifyReply, pdf: Buffer | fs.ReadStream, filename: string, inline: boolean) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${filename.replace(/[^\w.-]/g, '_')}"`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(pdf);
}

export function documentsRoutes(app: App, { ctx }: RouteDeps): void {
  app.addHook('onReady', async () => {
    app.mailer.resolveDocument = async (id) => {
      const row = await ctx.db.selectFrom('documents').select('file').where('id', '=', id).executeTakeFirst();
      return row ? service.documentFile(ctx, row) : null;
    };
  });

  app.post(
    '/api/v1/deals/:id/documents',
    {
      schema: {
        tags,
        summary: 'Create a document (offer, order confirmation, invoice …) for a deal from a template',
        params: IdParams,
        body: CreateDocumentSchema,
        response: { 201: DocumentSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createDocument(ctx, actorOf(request), request.params.id, request.body)),
  );
  app.get(
    '/api/v1/deals/:id/documents',
    {
      schema: {
        tags,
        summary: 'Documents of a deal, newest first',
        params: IdParams,
        querystring: listQuery(service.DOCUMENT_LIST),
        response: { 200: ListOf(DocumentSchema), ...problemResponses },
      },
    },
    async (request) => service.listDealDocuments(ctx, actorOf(request), request.params.id, request.query),
  );
  app.get(
    '/api/v1/contacts/:id/documents',
    {
      schema: {
        tags,
        summary: 'Documents of a contact, newest first',
        params: IdParams,
        querystring: listQuery(service.DOCUMENT_LIST),
        response: { 200: ListOf(DocumentSchema), ...problemResponses },
      },
    },
    async (request) => service.listContactDocuments(ctx, actorOf(request), request.params.id, request.query),
  );
  app.get(
    '/api/v1/documents/:id',
    { schema: { tags, summary: 'Get a document', params: IdParams, response: { 200: DocumentSchema, ...problemResponses } } },
    async (request) => service.presentDocument(await service.getVisibleDocument(ctx, actorOf(request), request.params.id)),
  );
  app.get(
    '/api/v1/documents/:id/pdf',
    {
      schema: {
        tags,
        summary: 'The stored PDF (as issued; never regenerated)',
        params: IdParams,
        querystring: Type.Object({ inline: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: { 200: Pdf, ...problemResponses },
      },
    },
    async (request, reply) => {
      const doc = await service.getVisibleDocument(ctx, actorOf(request), request.params.id);
      const file = service.documentFile(ctx, doc);
      if (!fs.existsSync(file)) throw new AppError('not_found', 'The PDF file is missing; restore it from a backup');
      return sendPdf(reply, fs.createReadStream(file), `${doc.number}.pdf`, request.query.inline === true);
    },
  );
  app.post(
    '/api/v1/documents/:id/send',
    {
      schema: {
        tags,
        summary: 'E-mail the PDF to the contact (or `to`); logged on the timeline',
        params: IdParams,
        body: SendDocumentSchema,
        response: { 200: DocumentSchema, ...problemResponses },
      },
    },
    async (request) => service.sendDocument(ctx, actorOf(request), request.params.id, request.body ?? {}),
  );
  app.post(
    '/api/v1/documents/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel an invoice by issuing a cancellation invoice (the original stays unchanged)',
        params: IdParams,
        response: { 201: DocumentSchema, ...problemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await service.cancelDocument(ctx, actorOf(request), request.params.id)),
  );

  app.get(
    '/api/v1/document-templates',
    {
      schema: {
        tags,
        summary: 'Document templates',
        querystring: listQuery(templates.TEMPLATE_LIST),
        response: { 200: ListOf(TemplateSchema), ...problemResponses },
      },
    },
    async (request) => {
      actorOf(request);
      await templates.ensureDefaultTemplates(ctx.db, ctx.clock.now().toISOString());
      return templates.listTemplates(ctx, request.query);
    },
  );
  app.post(
    '/api/v1/document-templates',
    {
      schema: {
        tags,
        summary: 'Create a template (admin)',
        body: CreateTemplateSchema,
        response: { 201: TemplateSchema, ...problemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await templates.createTemplate(ctx, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/document-templates/:id',
    { schema: { tags, summary: 'Get a template', params: IdParams, response: { 200: TemplateSchema, ...problemResponses } } },
    async (request) => {
      actorOf(request);
      return templates.presentTemplate(await templates.getTemplate(ctx, request.params.id));
    },
  );
  app.patch(
    '/api/v1/document-templates/:id',
    {
      schema: {
        tags,
        summary: 'Edit a template (admin); each edit is a new version',
        params: IdParams,
        headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
        body: UpdateTemplateSchema,
        response: { 200: TemplateSchema, ...problemResponses },
      },
    },
    async (request) => templates.updateTemplate(ctx, actorOf(request), request.params.id, request.body, expectedVersion(request)),
  );
  app.get(
    '/api/v1/document-templates/:id/versions',
    {
      schema: {
        tags,
        summary: 'Earlier versions of a template, newest first',
        params: IdParams,
        querystring: listQuery(templates.VERSION_LIST),
        response: {
          200: ListOf(
            Type.Object(
              {
                version: Type.Integer(),
                source: Type.String(),
                userId: Type.Union([Type.String(), Type.Null()]),
                createdAt: Type.String(),
              },
              {
                examples: [
                  {
                    version: 1,
                    source: 'Guten Tag {{contact.name}},\n\n[[items]]\n[[totals]]',
                    userId: '01jdq3m6e2x7k9v4b8c1n5t0ad',
                    createdAt: '2026-11-20T08:00:00.000Z',
                  },
                ],
              },
            ),
          ),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      actorOf(request);
      return templates.templateVersions(ctx, request.params.id, request.query);
    },
  );
  app.post(
    '/api/v1/document-templates/preview',
    {
      schema: {
        tags,
        summary: 'Render a template source on sample data to a PDF (admin, for the editor)',
        body: PreviewSchema,
        response: { 200: Pdf, ...problemResponses },
      },
    },
    async (request, reply) => {
      if (!isAdmin(actorOf(request))) throw forbidden('Only an administrator can edit document templates');
      const kind = request.body.kind ?? 'offer';
      const locale = request.body.locale ?? 'de';
      const own = await getCompanySettings(ctx);
      const company = {
        legalName: own.legalName,
        ...own.address,
        vatId: own.vatId,
        taxNumber: own.taxNumber,
        iban: own.iban,
        bic: own.bic,
        bankName: own.bankName,
        footer: own.footer,
        paymentTerms: own.paymentTerms,
        addressLine: [own.legalName, own.address.street, `${own.address.zip} ${own.address.city}`.trim()]
          .filter(Boolean)
          .join(' · '),
      };
      const pdf = await service.makePdf(
        sampleData(kind, templates.TITLES[kind]?.[locale] ?? kind, locale, company),
        request.body.source,
        await service.companyLogo(ctx),
      );
      return sendPdf(reply, pdf, 'preview.pdf', true);
    },
  );

  // The company logo for letterheads: PNG or JPEG, kept in the database (so backups carry it).
  app.register(async (scope: App) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: 2 * 1024 * 1024, files: 1, fields: 0 } });
    scope.post(
      '/api/v1/settings/company/logo',
      {
        schema: {
          tags: ['Settings'],
          summary: 'Upload the company logo (PNG or JPEG, at most 2 MB; admin)',
          consumes: ['multipart/form-data'],
          'x-multipart-body': Type.Object(
            { file: Type.String({ format: 'binary', description: 'PNG or JPEG' }) },
            { required: ['file'] },
          ),
          response: { 204: Type.Null(), ...problemResponses },
        },
      },
      async (request, reply) => {
        if (!isAdmin(actorOf(request))) throw forbidden('Only an administrator can change the logo');
        const file = await request.file();
        if (!file) throw new AppError('validation_failed', 'No file', [{ path: 'file', message: 'required' }]);
        const data = await file.toBuffer();
        const png = data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
        const jpeg = data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff;
        if (!png && !jpeg)
          throw new AppError('unsupported_media_type', 'The logo must be a PNG or JPEG image', [
            { path: 'file', message: 'PNG or JPEG only' },
          ]);
        await putSetting(
          ctx.db,
          'company.logo',
          { data: data.toString('base64'), mime: png ? 'image/png' : 'image/jpeg' },
          ctx.clock.now().toISOString(),
        );
        return reply.code(204).send(null);
      },
    );
  });
  app.delete(
    '/api/v1/settings/company/logo',
    {
      schema: {
        tags: ['Settings'],
        summary: 'Remove the company logo (admin); documents issued later have none',
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      if (!isAdmin(actorOf(request))) throw forbidden('Only an administrator can change the logo');
      await deleteSetting(ctx.db, 'company.logo');
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/v1/settings/company/logo',
    {
      schema: {
        tags: ['Settings'],
        summary: 'The company logo',
        response: { 200: Logo, ...problemResponses },
      },
    },
    async (request, reply) => {
      actorOf(request);
      const logo = await getSetting<{ data: string; mime: string }>(ctx.db, 'company.logo');
      if (!logo) throw notFound('Logo');
      return reply
        .header('content-type', logo.value.mime)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=60')
        .send(Buffer.from(logo.value.data, 'base64'));
    },
  );
}
