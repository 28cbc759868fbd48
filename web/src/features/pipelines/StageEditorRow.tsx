import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ActionIcon, Group, MultiSelect, NumberInput, Paper, Select, SimpleGrid, TextInput, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconGripVertical, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../api/types.ts';
import type { StageDraft } from './stageDraft.ts';
import { stageLabel } from './stages.ts';

const KINDS: Stage['kind'][] = ['open', 'won', 'lost'];

interface Props {
  draft: StageDraft;
  index: number;
  total: number;
  requirementOptions: { value: string; label: string }[];
  nameError?: string;
  onChange: (patch: Partial<StageDraft>) => void;
  onMove: (to: number) => void;
  onDelete: () => void;
}

/** One stage in the pipeline editor: name, kind, probability, time limit, required fields; reorder and delete. */
export function StageEditorRow({ draft, index, total, requirementOptions, nameError, onChange, onMove, onDelete }: Props) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: draft.key,
  });
  const title = draft.name.trim() || t('pipelines.editor.unnamed');
  const translated = draft.builtInKey ? stageLabel(t, { key: draft.builtInKey, name: draft.name }) : draft.name;

  return (
    <Paper
      ref={setNodeRef}
      withBorder
      radius="md"
      p="sm"
      style={{ transform: CSS.Transform.toString(transform), transition, opacity: isDragging ? 0.6 : 1 }}
      data-stage-row={draft.name}
      aria-label={t('pipelines.editor.stageLabel', { position: index + 1, name: title })}
      component="fieldset"
    >
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <ActionIcon
          ref={setActivatorNodeRef}
          variant="subtle"
          color="gray"
          mt={26}
          style={{ cursor: 'grab', touchAction: 'none' }}
          {...attributes}
          {...listeners}
          aria-label={t('pipelines.editor.drag', { name: title })}
        >
          <IconGripVertical size={16} />
        </ActionIcon>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} style={{ flex: 1 }} spacing="sm" verticalSpacing="xs">
          <TextInput
            label={t('pipelines.editor.name')}
            required
            value={draft.name}
            error={nameError}
            description={translated !== draft.name ? t('pipelines.editor.shownAs', { name: translated }) : undefined}
            onChange={(event) => onChange({ name: event.currentTarget.value })}
          />
          <Select
            label={t('pipelines.editor.kind')}
            allowDeselect={false}
            data={KINDS.map((kind) => ({ value: kind, label: t(`pipelines.kinds.${kind}`) }))}
            value={draft.kind}
            onChange={(kind) => kind && onChange({ kind: kind as Stage['kind'] })}
          />
          <NumberInput
            label={t('pipelines.editor.probability')}
            min={0}
            max={100}
            allowDecimal={false}
            rightSection={<span aria-hidden="true">%</span>}
            value={draft.probability}
            onChange={(probability) => onChange({ probability })}
          />
          <NumberInput
            label={t('pipelines.editor.timeLimit')}
            min={1}
            max={3650}
            allowDecimal={false}
            disabled={draft.kind !== 'open'}
            value={draft.timeLimitDays}
            onChange={(timeLimitDays) => onChange({ timeLimitDays })}
          />
          <MultiSelect
            label={t('pipelines.editor.required')}
            description={t('pipelines.editor.requiredHint')}
            placeholder={draft.requiredFields.length === 0 ? t('pipelines.editor.requiredNone') : undefined}
            data={requirementOptions}
            value={draft.requiredFields}
            onChange={(requiredFields) => onChange({ requiredFields })}
            clearable
            searchable
            style={{ gridColumn: '1 / -1' }}
          />
        </SimpleGrid>
        <Group gap={2} wrap="nowrap" mt={26}>
          <Tooltip label={t('pipelines.editor.up')} withArrow>
            <ActionIcon
              variant="subtle"
              disabled={index === 0}
              onClick={() => onMove(index - 1)}
              aria-label={t('pipelines.editor.upLabel', { name: title })}
            >
              <IconArrowUp size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('pipelines.editor.down')} withArrow>
            <ActionIcon
              variant="subtle"
              disabled={index === total - 1}
              onClick={() => onMove(index + 1)}
              aria-label={t('pipelines.editor.downLabel', { name: title })}
            >
              <IconArrowDown size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('pipelines.editor.deleteStage')} withArrow>
            <ActionIcon
              variant="subtle"
              color="red"
              onClick={onDelete}
              aria-label={t('pipelines.editor.deleteLabel', { name: title })}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
    </Paper>
  );
}
