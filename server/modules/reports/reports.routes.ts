import type { FastifyReply, FastifyRequest } from 'fastify';
import { type TSchema, Type } from 'typebox';
import type { Actor } from '../../core/actor.ts';
import type { Ctx } from '../../core/context.ts';
import { actorOf } from '../../http/auth.ts';
import { problemResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { langOf, sendFile } from '../exports/exports.routes.ts';
import { CSV_TYPE, csvExample, csvStream, type Lang, XLSX_TYPE, xlsxStream } from '../exports/spreadsheet.ts';
import * as pipeline from './pipeline.schemas.ts';
import { reportSettingsRoutes } from './report-settings.ts';
import type { ReportFilter } from './reports.schemas.ts';
import * as sales from './sales.schemas.ts';
import * as salesService from './sales.service.ts';
import * as sheets from './sheets.ts';
import { targetsRoutes } from './targets.routes.ts';
import * as work from './work.schemas.ts';
import * as workService from './work.service.ts';

interface ReportRoute {
  path: string;
  summary: string;
  description: string;
  querystring: TSchema;
  response: TSchema;
  run: (ctx: Ctx, actor: Actor, query: ReportFilter & Record<string, unknown>) => Promise<unknown>;
  sheet: (report: never, lang: Lang) => sheets.Sheet;
}

const VISIBILITY = 'Counts only what the caller may see: a manager their own records, a head their team’s, an admin everything.';

const REPORTS: ReportRoute[] = [
  {
    path: 'funnel',
    summary: 'Sales funnel: deals entering each stage, conversion to a later stage, won/lost and win rate',
    description: 'From the stage history of one pipeline (default: the default pipeline).',
    querystring: sales.FunnelQuery,
    response: sales.FunnelSchema,
    run: salesService.funnelReport,
    sheet: sheets.funnelSheet,
  },
  {
    path: 'revenue',
    summary: 'Won revenue (net, by close date) per user or month, with targets',
    description: 'Targets count for every month the period touches.',
    querystring: sales.RevenueQuery,
    response: sales.RevenueSchema,
    run: salesService.revenueReport,
    sheet: sheets.revenueSheet,
  },
  {
    path: 'forecast',
    summary: 'Weighted open pipeline by expected close month (amount × stage probability)',
    description: 'from/to filter the expected close date; without them every open deal counts.',
    querystring: pipeline.ForecastQuery,
    response: pipeline.ForecastSchema,
    run: salesService.forecastReport,
    sheet: sheets.forecastSheet,
  },
  {
    path: 'pipeline',
    summary: 'The open pipeline now: deals, amount and weighted amount per open stage',
    description: 'One pipeline (default: the default pipeline).',
    querystring: pipeline.PipelineQuery,
    response: pipeline.PipelineSchema,
    run: salesService.pipelineReport,
    sheet: sheets.pipelineSheet,
  },
  {
    path: 'sources',
    summary: 'Lead sources of the deals created in the period and their conversion to won',
    description: 'The source is the deal’s, else its contact’s.',
    querystring: sales.SourcesQuery,
    response: sales.SourcesSchema,
    run: salesService.sourcesReport,
    sheet: sheets.sourcesSheet,
  },
  {
    path: 'time-in-stage',
    summary: 'Average and median days deals spend in each open stage',
    description: 'Stays that ended in the period, and the deals in each stage now.',
    querystring: pipeline.TimeInStageQuery,
    response: pipeline.TimeInStageSchema,
    run: salesService.timeInStageReport,
    sheet: sheets.timeInStageSheet,
  },
  {
    path: 'lost-reasons',
    summary: 'Why deals were lost in the period',
    description: 'Deals that are still lost; most frequent reason first.',
    querystring: sales.LostReasonsQuery,
    response: sales.LostReasonsSchema,
    run: salesService.lostReasonsReport,
    sheet: sheets.lostReasonsSheet,
  },
  {
    path: 'response-time',
    summary: 'Response time to new leads: created → first call, e-mail or completed task',
    description:
      'Leads are the deals created in the period; their first contact is the first call or e-mail on the deal or its contact, or the first task completed on either, after creation. Median, average, p90 (nearest rank) in minutes, a distribution and the same per owner.',
    querystring: work.ResponseTimeQuery,
    response: work.ResponseTimeSchema,
    run: workService.responseTimeReport,
    sheet: sheets.responseTimeSheet,
  },
  {
    path: 'tasks',
    summary: 'Tasks per employee: open, overdue and due today now; done and canceled in the period',
    description: 'By assignee.',
    querystring: work.TasksQuery,
    response: work.TasksSchema,
    run: workService.tasksReport,
    sheet: sheets.tasksSheet,
  },
  {
    path: 'activity',
    summary: 'Activities (calls, e-mails, meetings, notes) per employee or month in the period',
    description: 'By the activity’s author.',
    querystring: work.ActivityQuery,
    response: work.ActivitySchema,
    run: workService.activityReport,
    sheet: sheets.activitySheet,
  },
];

/** The 200 answer: JSON by default, CSV with Accept: text/csv or ?format=csv, XLSX with ?format=xlsx. */
function answers(report: ReportRoute) {
  // The CSV example is the JSON example as its sheet, in German: the two never disagree.
  const json = (report.response as { examples?: unknown[] }).examples?.[0];
  const sheet = json === undefined ? undefined : report.sheet(json as never, 'de');
  return {
    description: 'The report as JSON, or as a CSV/XLSX download',
    content: {
      'application/json': { schema: report.response },
      'text/csv': {
        schema: Type.String({ description: 'UTF-8 with BOM, semicolons, CRLF' }),
        ...(sheet ? { example: csvExample(sheet.columns, sheet.rows, 'de') } : {}),
      },
      [XLSX_TYPE]: { schema: Type.String({ format: 'binary' }) },
    },
  };
}

function formatOf(request: FastifyRequest): 'json' | 'csv' | 'xlsx' {
  const asked = (request.query as { format?: 'json' | 'csv' | 'xlsx' }).format;
  if (asked) return asked;
  const accept = String(request.headers.accept ?? '');
  if (accept.includes('text/csv')) return 'csv';
  if (accept.includes(XLSX_TYPE)) return 'xlsx';
  return 'json';
}

async function* onePage<T>(rows: T[]) {
  yield rows;
}

function sendSheet(reply: FastifyReply, path: string, sheet: sheets.Sheet, format: 'csv' | 'xlsx', lang: Lang) {
  const fileName = `${lang === 'de' ? 'bericht' : 'report'}-${path}.${format}`;
  if (format === 'csv')
    return sendFile(reply, { fileName, contentType: CSV_TYPE }, csvStream(sheet.columns, onePage(sheet.rows), lang));
  return sendFile(reply, { fileName, contentType: XLSX_TYPE }, xlsxStream(sheet.name, sheet.columns, onePage(sheet.rows), lang));
}

export function reportsRoutes(app: App, { ctx }: RouteDeps): void {
  for (const report of REPORTS) {
    app.get(
      `/api/v1/reports/${report.path}`,
      {
        schema: {
          tags: ['Reports'],
          summary: report.summary,
          description: `${report.description} ${VISIBILITY}`,
          querystring: report.querystring,
          response: { 200: answers(report), ...problemResponses },
        },
      },
      async (request, reply) => {
        const query = request.query as ReportFilter & Record<string, unknown>;
        const result = await report.run(ctx, actorOf(request), query);
        const format = formatOf(request);
        if (format === 'json') return reply.type('application/json; charset=utf-8').send(result);
        return sendSheet(reply, report.path, report.sheet(result as never, langOf(request)), format, langOf(request));
      },
    );
  }
  targetsRoutes(app, ctx);
  reportSettingsRoutes(app, ctx);
}
