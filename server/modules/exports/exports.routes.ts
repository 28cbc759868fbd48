import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../../http/auth.ts';
import { problemResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import {
  CompanyExportQuery,
  ContactExportQuery,
  DealExportQuery,
  DealExportResponse,
  ExportFileResponse,
} from './exports.schemas.ts';
import { type ExportEntity, type ExportFile, type ExportFormat, exportRecords } from './exports.service.ts';
import type { Lang } from './spreadsheet.ts';

/** ?lang wins; else the first language of Accept-Language if it is English; else German. */
export function langOf(request: FastifyRequest): Lang {
  const query = request.query as { lang?: Lang };
  if (query.lang) return query.lang;
  return /^\s*en\b/i.test(String(request.headers['accept-language'] ?? '')) ? 'en' : 'de';
}

export function sendFile(reply: FastifyReply, file: Pick<ExportFile, 'fileName' | 'contentType'>, body: unknown) {
  return reply
    .header('Content-Type', file.contentType)
    .header('Content-Disposition', `attachment; filename="${file.fileName}"`)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', 'no-store')
    .send(body);
}

export function exportsRoutes(app: App, { ctx }: RouteDeps): void {
  const route = (entity: ExportEntity) => async (request: FastifyRequest, reply: FastifyReply) => {
    const query = request.query as Record<string, unknown> & { format?: ExportFormat; sort?: string };
    const file = await exportRecords(ctx, actorOf(request), entity, query, query.format ?? 'csv', langOf(request));
    return sendFile(reply, file, file.stream);
  };

  app.get(
    '/api/v1/contacts/export',
    {
      schema: {
        tags: ['Contacts'],
        summary: 'Export the contacts you may see as CSV or XLSX (same filters, q and sort as the list; all pages)',
        querystring: ContactExportQuery,
        response: { 200: ExportFileResponse, ...problemResponses },
      },
    },
    route('contact'),
  );

  app.get(
    '/api/v1/companies/export',
    {
      schema: {
        tags: ['Companies'],
        summary: 'Export the companies you may see as CSV or XLSX (same filters, q and sort as the list; all pages)',
        querystring: CompanyExportQuery,
        response: { 200: ExportFileResponse, ...problemResponses },
      },
    },
    route('company'),
  );

  // A static path: find-my-way matches it before the parametric /api/v1/deals/:id, whatever the registration order.
  app.get(
    '/api/v1/deals/export',
    {
      schema: {
        tags: ['Deals'],
        summary: 'Export the deals you may see as CSV or XLSX (same filters, q and sort as the list; all pages)',
        description:
          'Columns: ID, title, pipeline, stage, status, net amount, tax, gross, currency, paid, expected close, contact, company, owner, source, tags, lost reason, external ID, created, updated, then one per deal custom field. Amounts are in the currency unit (not cents).',
        querystring: DealExportQuery,
        response: { 200: DealExportResponse, ...problemResponses },
      },
    },
    route('deal'),
  );
}
