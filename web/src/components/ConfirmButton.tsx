import { ActionIcon, Button, type ButtonProps, Group, Modal, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** Text of the trigger button; also its accessible name when only the icon is shown. */
  label: string;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<unknown> | undefined;
  loading?: boolean;
  icon?: ReactNode;
  iconOnly?: boolean;
  color?: ButtonProps['color'];
}

/** A destructive action behind a confirmation dialog; the dialog closes once the action succeeded. */
export function ConfirmButton({ label, title, message, confirmLabel, onConfirm, loading, icon, iconOnly, color = 'red' }: Props) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);

  async function confirm() {
    try {
      await onConfirm();
      close();
    } catch {
      // the caller reports the error; the dialog stays open for another try
    }
  }

  return (
    <>
      {iconOnly ? (
        <Tooltip label={label} withArrow>
          <ActionIcon variant="subtle" color={color} onClick={open} aria-label={label}>
            {icon}
          </ActionIcon>
        </Tooltip>
      ) : (
        <Button variant="light" color={color} leftSection={icon} onClick={open}>
          {label}
        </Button>
      )}
      <Modal opened={opened} onClose={close} title={title} centered>
        <Text size="sm">{message}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={close} disabled={loading}>
            {t('common.cancel')}
          </Button>
          <Button color={color} onClick={confirm} loading={loading} data-autofocus>
            {confirmLabel}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
