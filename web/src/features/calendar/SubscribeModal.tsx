import { ActionIcon, Alert, Button, CopyButton, List, Modal, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCreateCalendarToken } from '../../api/calendar.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/** Creates the secret iCalendar feed URL and explains how Outlook, Google and Thunderbird subscribe to it. */
export function SubscribeModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const token = useCreateCalendarToken();
  const close = () => {
    onClose();
    token.reset();
  };

  return (
    <Modal opened={opened} onClose={close} title={t('calendar.subscribe.title')} size="lg">
      <Stack>
        <Text size="sm">{t('calendar.subscribe.intro')}</Text>
        {token.error && <ErrorAlert error={token.error} />}
        {token.data ? (
          <>
            <TextInput
              label={t('calendar.subscribe.url')}
              value={token.data.url}
              readOnly
              onFocus={(event) => event.currentTarget.select()}
              data-testid="calendar-url"
              rightSection={
                <CopyButton value={token.data.url}>
                  {({ copied, copy }) => (
                    <Tooltip label={copied ? t('common.copied') : t('calendar.subscribe.copy')} withArrow>
                      <ActionIcon
                        variant="subtle"
                        color={copied ? 'teal' : 'gray'}
                        onClick={copy}
                        aria-label={t('calendar.subscribe.copy')}
                      >
                        {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                      </ActionIcon>
                    </Tooltip>
                  )}
                </CopyButton>
              }
            />
            <Alert variant="light" color="yellow" icon={<IconInfoCircle />}>
              {t('calendar.subscribe.shownOnce')}
            </Alert>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t('calendar.subscribe.replaceHint')}
          </Text>
        )}
        <List size="sm" spacing="xs">
          <List.Item>{t('calendar.subscribe.outlook')}</List.Item>
          <List.Item>{t('calendar.subscribe.google')}</List.Item>
          <List.Item>{t('calendar.subscribe.thunderbird')}</List.Item>
        </List>
        <Button onClick={() => token.mutate()} loading={token.isPending} variant={token.data ? 'light' : 'filled'}>
          {token.data ? t('calendar.subscribe.renew') : t('calendar.subscribe.create')}
        </Button>
      </Stack>
    </Modal>
  );
}
