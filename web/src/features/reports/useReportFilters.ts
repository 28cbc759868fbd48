import { useSearchParams } from 'react-router';
import type { ReportQuery } from '../../api/reports.ts';
import { isoDate, isPreset, type Preset, presetRange } from './period.ts';

export interface ReportFilterState {
  preset: Preset;
  from: string;
  to: string;
  pipelineId: string | null;
  teamId: string | null;
  userId: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The report filters, kept in the address (?preset, from, to, pipeline, team, user) so a view can be shared. */
export function useReportFilters() {
  const [params, setParams] = useSearchParams();
  const requested = params.get('preset');
  const preset: Preset = isPreset(requested) ? requested : 'thisMonth';
  const custom = { from: params.get('from') ?? '', to: params.get('to') ?? '' };
  const range =
    preset === 'custom' && DATE.test(custom.from) && DATE.test(custom.to)
      ? custom
      : presetRange(preset === 'custom' ? 'thisMonth' : preset);
  const state: ReportFilterState = {
    preset,
    ...range,
    pipelineId: params.get('pipeline'),
    teamId: params.get('team'),
    userId: params.get('user'),
  };
  const query: ReportQuery = {
    from: state.from,
    to: state.to,
    pipelineId: state.pipelineId ?? undefined,
    teamId: state.teamId ?? undefined,
    userId: state.userId ?? undefined,
  };

  const update = (changes: Partial<ReportFilterState>) => {
    const next = { ...state, ...changes };
    const out = new URLSearchParams(params);
    const set = (key: string, value: string | null | undefined) => (value ? out.set(key, value) : out.delete(key));
    set('preset', next.preset === 'thisMonth' ? null : next.preset);
    set('from', next.preset === 'custom' ? next.from : null);
    set('to', next.preset === 'custom' ? next.to : null);
    set('pipeline', next.pipelineId);
    set('team', next.teamId);
    set('user', next.userId);
    setParams(out, { replace: true });
  };

  const setTab = (tab: string) => {
    const out = new URLSearchParams(params);
    out.set('tab', tab);
    setParams(out, { replace: true });
  };

  return { state, query, update, tab: params.get('tab'), setTab, today: isoDate(new Date()) };
}
