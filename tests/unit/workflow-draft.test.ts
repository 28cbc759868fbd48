import { describe, expect, it } from 'vitest';
import type { Step } from '../../web/src/api/workflows.ts';
import { fromDraftSteps, toDraftSteps } from '../../web/src/features/automation/draft.ts';

// The workflow editor's working copy keeps a step's guard (onlyIf): opening and saving a shipped process in the
// editor must not drop the guards that make it create each task once.
describe('workflow editor draft', () => {
  it('round-trips a step guard, drops an emptied one and never puts one on an if', () => {
    const steps: Step[] = [
      {
        type: 'create_task',
        title: 'Aufmaß nehmen',
        taskType: 'measurement',
        onlyIf: {
          all: [
            { field: 'deal.openTaskTypes', op: 'not_contains', value: 'measurement' },
            {
              any: [
                { field: 'deal.stageKey', op: 'eq', value: 'inquiry' },
                { field: 'deal.customFields.visitAt', op: 'not_empty' },
              ],
            },
          ],
        },
      },
      {
        type: 'if',
        conditions: { all: [{ field: 'deal.customFields.installationAt', op: 'not_empty' }] },
        // biome-ignore lint/suspicious/noThenProperty: an if step's branch is data (an array of steps), never a thenable
        then: [
          { type: 'move_stage', stageKey: 'installation', onlyIf: { any: [{ field: 'deal.status', op: 'eq', value: 'open' }] } },
        ],
      },
    ];
    expect(fromDraftSteps(toDraftSteps(steps))).toEqual(steps);
    const draft = toDraftSteps(steps);
    const first = draft[0];
    if (first?.onlyIf) first.onlyIf = { mode: 'all', items: [] };
    expect(fromDraftSteps(draft)[0]).not.toHaveProperty('onlyIf');
  });
});
