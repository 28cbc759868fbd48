import type { DealRow, StageRow } from '../../db/schema.ts';
import { AppError, type FieldError } from '../../http/errors.ts';

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** The fields a stage requires that the deal (as it would be after the write) does not have. */
export function missingForStage(
  stage: StageRow,
  deal: Pick<DealRow, 'amountCents' | 'expectedCloseDate' | 'contactId' | 'companyId' | 'source' | 'customFields'>,
  lineItems: number,
): string[] {
  const required = JSON.parse(stage.requiredFields) as string[];
  const custom = JSON.parse(deal.customFields) as Record<string, unknown>;
  return required.filter((field) => {
    if (field === 'amountCents') return !(deal.amountCents > 0);
    if (field === 'lineItems') return lineItems === 0;
    if (field.startsWith('customFields.')) return isEmpty(custom[field.slice('customFields.'.length)]);
    return isEmpty((deal as Record<string, unknown>)[field]);
  });
}

/** 422 naming every missing field, so the UI and integrators can say exactly what to fill in. */
export function assertStageRequirements(stage: StageRow, missing: string[]): void {
  if (missing.length === 0) return;
  const errors: FieldError[] = missing.map((path) => ({ path, message: `is required before entering stage "${stage.name}"` }));
  throw new AppError('unprocessable', `Stage "${stage.name}" requires: ${missing.join(', ')}`, errors, {
    stageId: stage.id,
    missingFields: missing,
  });
}
