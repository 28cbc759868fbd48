import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDealFieldLabel } from '../fieldLabels.ts';

export interface GateRefusal {
  dealId: string;
  title: string;
  stageId: string;
  stageName: string;
  missing: string[];
}

interface Props {
  gate: GateRefusal | null;
  /** Opens the deal (or its form) to fill the missing fields. */
  onFill: (gate: GateRefusal) => void;
  onClose: () => void;
}

/** A stage refused a deal: which fields it still needs, and the way to fill them in. */
export function StageGateModal({ gate, onFill, onClose }: Props) {
  const { t } = useTranslation();
  const label = useDealFieldLabel();
  return (
    <Modal opened={gate !== null} onClose={onClose} title={t('board.gate.title')} centered>
      {gate && (
        <Stack>
          <Text size="sm">{t('board.gate.text', { title: gate.title, stage: gate.stageName })}</Text>
          <List size="sm" data-testid="missing-fields">
            {gate.missing.map((path) => (
              <List.Item key={path} fw={500}>
                {label(path)}
              </List.Item>
            ))}
          </List>
          <Text size="sm" c="dimmed">
            {t('board.gate.hint')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('board.gate.close')}
            </Button>
            <Button onClick={() => onFill(gate)} data-autofocus>
              {t('board.gate.fill')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
