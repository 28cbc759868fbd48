import { Group, SegmentedControl, Select } from '@mantine/core';
import { IconLayoutKanban, IconList } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Pipeline } from '../../api/types.ts';
import { OwnerFilter } from '../customers/OwnerFilter.tsx';
import { TextFilter } from '../customers/TextFilter.tsx';

export type DealsView = 'board' | 'list';

export interface ToolbarValue {
  pipelineId: string;
  /** '' all, 'me', or a user id. */
  owner: string;
  tag: string;
  view: DealsView;
}

interface Props {
  pipelines: Pipeline[];
  value: ToolbarValue;
  onChange: (patch: Partial<ToolbarValue>) => void;
}

/** Pipeline switcher, owner and tag filters, and the board/list toggle. */
export function DealsToolbar({ pipelines, value, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Group mb="md" gap="sm" align="flex-end" wrap="wrap">
      <Select
        label={t('deals.fields.pipeline')}
        allowDeselect={false}
        data={pipelines.map((pipeline) => ({ value: pipeline.id, label: pipeline.name }))}
        value={value.pipelineId}
        onChange={(pipelineId) => pipelineId && onChange({ pipelineId })}
        w={{ base: '100%', xs: 200 }}
      />
      <OwnerFilter value={value.owner || null} onChange={(owner) => onChange({ owner: owner ?? '' })} />
      <TextFilter
        label={t('deals.fields.tag')}
        value={value.tag}
        onChange={(tag) => onChange({ tag })}
        w={{ base: '100%', xs: 160 }}
      />
      <SegmentedControl
        ml={{ base: 0, sm: 'auto' }}
        aria-label={t('deals.view')}
        value={value.view}
        onChange={(view) => onChange({ view: view as DealsView })}
        data={[
          {
            value: 'board',
            label: (
              <Group gap={6} wrap="nowrap" justify="center">
                <IconLayoutKanban size={16} aria-hidden="true" />
                <span>{t('deals.boardView')}</span>
              </Group>
            ),
          },
          {
            value: 'list',
            label: (
              <Group gap={6} wrap="nowrap" justify="center">
                <IconList size={16} aria-hidden="true" />
                <span>{t('deals.listView')}</span>
              </Group>
            ),
          },
        ]}
      />
    </Group>
  );
}
