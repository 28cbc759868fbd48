import { Group, Select } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { usePipelines } from '../../api/pipelines.ts';
import { DatesLocale, dateFormat } from '../customers/DatesLocale.tsx';
import { PRESETS, type Preset } from './period.ts';
import type { ReportFilterState } from './useReportFilters.ts';
import { useReportPeople } from './useReportPeople.ts';

interface Props {
  state: ReportFilterState;
  onChange: (changes: Partial<ReportFilterState>) => void;
}

/** Period, pipeline, team and person of every report on the page. */
export function ReportFilters({ state, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const pipelines = usePipelines();
  const people = useReportPeople();
  const teamUsers = state.teamId ? people.users.filter((u) => u.teamId === state.teamId) : people.users;

  return (
    <DatesLocale>
      <Group gap="sm" align="flex-end" mb="lg" wrap="wrap" data-testid="report-filters">
        <Select
          label={t('reports.filters.period')}
          data={PRESETS.map((p) => ({ value: p, label: t(`reports.presets.${p}`) }))}
          value={state.preset}
          onChange={(value) => value && onChange({ preset: value as Preset })}
          allowDeselect={false}
          w={{ base: '100%', xs: 190 }}
        />
        {state.preset === 'custom' && (
          <DatePickerInput
            type="range"
            label={t('reports.filters.range')}
            leftSection={<IconCalendar size={16} aria-hidden="true" />}
            value={[state.from, state.to]}
            onChange={([from, to]) => from && to && onChange({ from: from.slice(0, 10), to: to.slice(0, 10) })}
            valueFormat={dateFormat(i18n.language)}
            w={{ base: '100%', xs: 260 }}
          />
        )}
        {(pipelines.data?.length ?? 0) > 1 && (
          <Select
            label={t('reports.filters.pipeline')}
            placeholder={t('reports.filters.defaultPipeline')}
            data={(pipelines.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            value={state.pipelineId}
            onChange={(value) => onChange({ pipelineId: value })}
            clearable
            w={{ base: '100%', xs: 200 }}
          />
        )}
        {people.teams.length > 1 && (
          <Select
            label={t('reports.filters.team')}
            placeholder={t('reports.filters.allTeams')}
            data={people.teams.map((team) => ({ value: team.id, label: team.name }))}
            value={state.teamId}
            onChange={(value) => onChange({ teamId: value, userId: null })}
            clearable
            w={{ base: '100%', xs: 180 }}
          />
        )}
        {people.users.length > 1 && (
          <Select
            label={t('reports.filters.user')}
            placeholder={t('reports.filters.everyone')}
            data={teamUsers.map((u) => ({ value: u.id, label: u.name }))}
            value={state.userId}
            onChange={(value) => onChange({ userId: value })}
            clearable
            searchable
            w={{ base: '100%', xs: 200 }}
          />
        )}
      </Group>
    </DatesLocale>
  );
}
