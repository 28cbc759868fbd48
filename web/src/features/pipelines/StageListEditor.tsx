import {
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { Stack } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useEntityFields } from '../../api/customFields.ts';
import { useDealFieldLabel } from '../deals/fieldLabels.ts';
import { StageEditorRow } from './StageEditorRow.tsx';
import type { StageDraft } from './stageDraft.ts';
import { GATE_FIELDS } from './stages.ts';

interface Props {
  drafts: StageDraft[];
  onChange: (drafts: StageDraft[]) => void;
  onDelete: (draft: StageDraft) => void;
  nameErrors: ReadonlySet<string>;
}

/** The stages of a pipeline in order; reordered by dragging (mouse or keyboard) or with the arrow buttons. */
export function StageListEditor({ drafts, onChange, onDelete, nameErrors }: Props) {
  const { t } = useTranslation();
  const label = useDealFieldLabel();
  const custom = useEntityFields('deal');
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const options = useMemo(
    () => [
      ...GATE_FIELDS.map((field) => ({ value: field, label: label(field) })),
      ...custom.map((field) => ({ value: `customFields.${field.key}`, label: field.label })),
    ],
    [label, custom],
  );

  const move = (from: number, to: number) => onChange(arrayMove(drafts, from, to));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    move(
      drafts.findIndex((d) => d.key === active.id),
      drafts.findIndex((d) => d.key === over.id),
    );
  };

  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
      <SortableContext items={drafts.map((d) => d.key)} strategy={verticalListSortingStrategy}>
        <Stack gap="sm">
          {drafts.map((draft, index) => (
            <StageEditorRow
              key={draft.key}
              draft={draft}
              index={index}
              total={drafts.length}
              requirementOptions={options}
              nameError={nameErrors.has(draft.key) ? t('validation.required') : undefined}
              onChange={(patch) => onChange(drafts.map((d) => (d.key === draft.key ? { ...d, ...patch } : d)))}
              onMove={(to) => move(index, to)}
              onDelete={() => onDelete(draft)}
            />
          ))}
        </Stack>
      </SortableContext>
    </DndContext>
  );
}
