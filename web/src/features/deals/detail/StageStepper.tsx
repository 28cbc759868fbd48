import { Box, Button, Group, ScrollArea, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Deal, Pipeline, Stage } from '../../../api/types.ts';
import { stageLabel } from '../../pipelines/stages.ts';

interface Props {
  deal: Deal;
  pipeline: Pipeline;
  onMove: (stage: Stage) => void;
  disabled?: boolean;
}

/** The pipeline's stages as steps: passed ones filled, the current one marked; a click moves the deal there. */
export function StageStepper({ deal, pipeline, onMove, disabled }: Props) {
  const { t } = useTranslation();
  const open = pipeline.stages.filter((stage) => stage.kind === 'open');
  const closing = pipeline.stages.filter((stage) => stage.kind !== 'open');
  const currentIndex = open.findIndex((stage) => stage.id === deal.stageId);
  const closed = deal.status !== 'open';

  return (
    <Box component="nav" aria-label={t('deals.detail.stages')} mb="md" miw={0} maw="100%">
      <ScrollArea type="auto" offsetScrollbars>
        <Group gap={6} wrap="nowrap" pb={4} w="max-content">
          {open.map((stage, index) => {
            const current = stage.id === deal.stageId;
            const passed = closed || (currentIndex >= 0 && index < currentIndex);
            return (
              <Tooltip key={stage.id} label={t('deals.detail.moveTo', { stage: stageLabel(t, stage) })} disabled={current}>
                <Button
                  size="xs"
                  radius="xl"
                  variant={current ? 'filled' : passed ? 'light' : 'default'}
                  leftSection={passed && !current ? <IconCheck size={14} /> : undefined}
                  aria-current={current ? 'step' : undefined}
                  disabled={disabled}
                  onClick={() => !current && onMove(stage)}
                >
                  {stageLabel(t, stage)}
                </Button>
              </Tooltip>
            );
          })}
          <Text c="dimmed" aria-hidden="true" px={4}>
            |
          </Text>
          {closing.map((stage) => {
            const current = stage.id === deal.stageId;
            const color = stage.kind === 'won' ? 'teal' : 'red';
            return (
              <Button
                key={stage.id}
                size="xs"
                radius="xl"
                color={color}
                variant={current ? 'filled' : 'outline'}
                leftSection={stage.kind === 'won' ? <IconCheck size={14} /> : <IconX size={14} />}
                aria-current={current ? 'step' : undefined}
                disabled={disabled}
                onClick={() => !current && onMove(stage)}
              >
                {stageLabel(t, stage)}
              </Button>
            );
          })}
        </Group>
      </ScrollArea>
    </Box>
  );
}
