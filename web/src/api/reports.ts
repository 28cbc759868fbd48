import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { ForecastReport, PipelineReport, TimeInStageReport } from '../../../server/modules/reports/pipeline.schemas.ts';
import type { ReportSettings, UpdateReportSettings } from '../../../server/modules/reports/report-settings.schemas.ts';
import type {
  FunnelReport,
  LostReasonsReport,
  RevenueReport,
  SourcesReport,
} from '../../../server/modules/reports/sales.schemas.ts';
import type { PutTargets, Target } from '../../../server/modules/reports/targets.schemas.ts';
import type { ActivityReport, ResponseTimeReport, TasksReport } from '../../../server/modules/reports/work.schemas.ts';
import { api, fetchAll, request } from './client.ts';
import { type ServerEventType, useServerEvents } from './events.ts';

export type {
  ActivityReport,
  ForecastReport,
  FunnelReport,
  LostReasonsReport,
  PipelineReport,
  ReportSettings,
  ResponseTimeReport,
  RevenueReport,
  SourcesReport,
  Target,
  TasksReport,
  TimeInStageReport,
};

/** Every report by its path under /api/v1/reports, with its answer. */
export interface Reports {
  funnel: FunnelReport;
  revenue: RevenueReport;
  forecast: ForecastReport;
  pipeline: PipelineReport;
  sources: SourcesReport;
  'time-in-stage': TimeInStageReport;
  'lost-reasons': LostReasonsReport;
  'response-time': ResponseTimeReport;
  tasks: TasksReport;
  activity: ActivityReport;
}
export type ReportName = keyof Reports;

/** The report filters as the API takes them (dates YYYY-MM-DD, inclusive). */
export interface ReportQuery {
  from?: string;
  to?: string;
  pipelineId?: string;
  teamId?: string;
  userId?: string;
  groupBy?: 'user' | 'month';
}

export const reportsKey = ['reports'] as const;

export function useReport<N extends ReportName>(name: N, query: ReportQuery, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...reportsKey, name, query],
    queryFn: ({ signal }) => api.get<Reports[N]>(`/reports/${name}`, { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    enabled: opts.enabled ?? true,
  });
}

/** A CSV or XLSX download of a report as filtered now (a plain link: the server sends the file). */
export function reportFileUrl(name: ReportName, query: ReportQuery, format: 'csv' | 'xlsx', lang: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, String(value));
  params.set('format', format);
  params.set('lang', lang === 'en' ? 'en' : 'de');
  return `/api/v1/reports/${name}?${params.toString()}`;
}

const LIVE_EVENTS: readonly ServerEventType[] = [
  'deal.created',
  'deal.updated',
  'deal.deleted',
  'deal.stage_changed',
  'task.created',
  'task.updated',
  'task.completed',
  'task.deleted',
  'task.escalated',
  'deal.won',
  'deal.lost',
  'deal.paid',
  'activity.created',
];

/**
 * Keeps report figures on screen current: deal, task and activity events refresh every report query
 * (only those on screen refetch). A move sends several events at once, so refreshes are gathered for a moment.
 */
export function useLiveReports(): void {
  const qc = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const refresh = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void qc.invalidateQueries({ queryKey: reportsKey }), 250);
  };
  useEffect(() => () => clearTimeout(timer.current), []);
  useServerEvents(LIVE_EVENTS, refresh, refresh);
}

export const targetsKey = [...reportsKey, 'targets'] as const;

export function useTargets(query: { from: string; to: string }) {
  return useQuery({
    queryKey: [...targetsKey, query],
    queryFn: ({ signal }) => fetchAll<Target>('/reports/targets', query, signal),
  });
}

export function usePutTargets() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: PutTargets) => request<{ data: Target[] }>('PUT', '/reports/targets', { body: input }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: reportsKey }),
  });
}

const settingsKey = ['settings', 'reports'] as const;

export function useReportSettings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: ({ signal }) => api.get<ReportSettings>('/settings/reports', { signal }),
  });
}

export function useUpdateReportSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateReportSettings) => api.patch<ReportSettings>('/settings/reports', input),
    onSuccess: (settings) => qc.setQueryData(settingsKey, settings),
  });
}
