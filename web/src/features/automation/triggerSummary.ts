import { useTranslation } from 'react-i18next';
import { usePipelines } from '../../api/pipelines.ts';
import { useTaskTypes } from '../../api/tasks.ts';
import type { Trigger } from '../../api/workflows.ts';
import { findStage, stageLabel } from '../pipelines/stages.ts';
import { useFieldCatalog } from './fields.ts';
import { describeCron, formatDuration } from './time.ts';

/** A trigger in words: "Deal gewonnen · Aufmaß & Montage", "3 Tage vor Aufmaßtermin", "täglich um 08:00". */
export function useTriggerSummary(): (trigger: Trigger) => string {
  const { t, i18n } = useTranslation();
  const pipelines = usePipelines();
  const taskTypes = useTaskTypes();
  const fields = useFieldCatalog();
  return (trigger) => {
    const parts = [t(`automation.triggerTypes.${trigger.type}`)];
    if (trigger.entity) parts.push(t(`automation.entities.${trigger.entity}`));
    // record.updated: the field is relative to the record (customFields.rating); a leading "deal." is accepted
    const fieldOf = (path: string) => {
      const full = trigger.entity && !path.startsWith(`${trigger.entity}.`) ? `${trigger.entity}.${path}` : path;
      return fields.find((f) => f.path === full);
    };
    if (trigger.field) {
      const def = fieldOf(trigger.field);
      const label = def?.label ?? trigger.field;
      const value = trigger.changedTo;
      parts.push(
        value === null
          ? t('automation.summary.cleared', { field: label })
          : value !== undefined && value !== ''
            ? t('automation.summary.changedTo', {
                field: label,
                value: def?.options?.find((o) => o.value === String(value))?.label ?? String(value),
              })
            : t('automation.summary.changed', { field: label }),
      );
    }
    if (trigger.taskType) {
      const type = taskTypes.data?.find((tt) => tt.key === trigger.taskType);
      parts.push(type ? (i18n.language === 'en' ? type.nameEn : type.nameDe) : trigger.taskType);
    }
    if (trigger.toStageId) {
      const stage = findStage(pipelines.data, trigger.toStageId);
      parts.push(t('automation.summary.toStage', { stage: stage ? stageLabel(t, stage) : '…' }));
    }
    if (trigger.pipelineId) parts.push(pipelines.data?.find((p) => p.id === trigger.pipelineId)?.name ?? '…');
    if (trigger.formKey) parts.push(t('automation.summary.form', { key: trigger.formKey }));
    if (trigger.type === 'schedule' && trigger.cron) parts.push(describeCron(t, trigger.cron) ?? trigger.cron);
    if (trigger.type === 'date' && trigger.dateField) {
      const field = fieldOf(trigger.dateField)?.label ?? trigger.dateField;
      const offset = trigger.offsetMinutes ?? 0;
      parts.push(
        offset === 0
          ? t('automation.summary.dateAt', { field })
          : t(offset < 0 ? 'automation.summary.dateBefore' : 'automation.summary.dateAfter', {
              field,
              duration: formatDuration(t, offset),
            }),
      );
    }
    return parts.join(' · ');
  };
}
