import { Alert, Button, Group, Modal, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ProcessTemplate, useInstallTemplate, useWorkflowTemplates } from '../../api/workflows.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrorsOf } from '../../components/errors.ts';
import { LoadingState } from '../../components/LoadingState.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { TeamPicker, UserPicker } from './editor/Pickers.tsx';

interface Props {
  opened: boolean;
  onClose: () => void;
}

/** The shipped processes with their description; installing one maps its roles to people and teams. */
export function TemplatesModal({ opened, onClose }: Props) {
  const { t } = useTranslation();
  const templates = useWorkflowTemplates();
  const [chosen, setChosen] = useState<ProcessTemplate | null>(null);
  const lang = currentLanguage();
  const close = () => {
    setChosen(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('automation.templates.title')} size="lg">
      {chosen ? (
        <InstallForm key={chosen.key} template={chosen} onBack={() => setChosen(null)} onDone={close} />
      ) : templates.isPending ? (
        <LoadingState />
      ) : templates.isError ? (
        <ErrorAlert error={templates.error} onRetry={() => void templates.refetch()} />
      ) : (
        <Stack gap="sm">
          {templates.data.map((tpl) => (
            <Paper key={tpl.key} withBorder p="md" radius="md" data-template={tpl.key}>
              <Stack gap={6}>
                <Title order={3} size="h5">
                  {tpl.name[lang]}
                </Title>
                <Text size="sm" c="dimmed">
                  {tpl.description[lang]}
                </Text>
                <Button
                  size="xs"
                  variant="light"
                  style={{ alignSelf: 'flex-start' }}
                  aria-label={t('automation.templates.chooseLabel', { name: tpl.name[lang] })}
                  onClick={() => setChosen(tpl)}
                >
                  {t('automation.templates.choose')}
                </Button>
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
    </Modal>
  );
}

function InstallForm({ template, onBack, onDone }: { template: ProcessTemplate; onBack: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const install = useInstallTemplate();
  const [roles, setRoles] = useState<Record<string, string>>({});
  const [settings, setSettings] = useState<Record<string, number>>(() =>
    Object.fromEntries(Object.entries(template.settings).map(([key, spec]) => [key, spec.default])),
  );
  const errors = fieldErrorsOf(t, install.error);
  const missing = template.roles.some((role) => !roles[role.key]);

  return (
    <Stack gap="sm">
      <Text size="sm">{template.description[lang]}</Text>
      <Alert variant="light">{t('automation.templates.creates')}</Alert>
      <Title order={3} size="h5">
        {t('automation.templates.roles')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {template.roles.map((role) => {
          const props = {
            label: role.label[lang],
            required: true,
            value: roles[role.key] ?? null,
            error: errors[`roles.${role.key}`],
            onChange: (v: string | null) => setRoles((r) => ({ ...r, [role.key]: v ?? '' })),
          };
          return role.kind === 'team' ? <TeamPicker key={role.key} {...props} /> : <UserPicker key={role.key} {...props} />;
        })}
      </SimpleGrid>
      {Object.keys(template.settings).length > 0 && (
        <>
          <Title order={3} size="h5">
            {t('automation.templates.settings')}
          </Title>
          {Object.entries(template.settings).map(([key, spec]) => (
            <NumberInput
              key={key}
              label={spec.label[lang]}
              min={spec.min}
              max={spec.max}
              allowDecimal={false}
              value={settings[key]}
              error={errors[`settings.${key}`]}
              onChange={(v) => setSettings((s) => ({ ...s, [key]: typeof v === 'number' ? v : spec.default }))}
            />
          ))}
        </>
      )}
      {install.isError && <ErrorAlert error={install.error} hideFields={Object.keys(errors)} />}
      <Group justify="space-between">
        <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={onBack}>
          {t('automation.templates.back')}
        </Button>
        <Button
          leftSection={<IconDownload size={16} />}
          disabled={missing}
          loading={install.isPending}
          onClick={() =>
            install.mutate(
              { key: template.key, roles, settings },
              {
                onSuccess: (result) => {
                  notifications.show({
                    color: 'teal',
                    message: t('automation.templates.installed', {
                      name: template.name[lang],
                      count: result.workflowIds.length,
                    }),
                  });
                  onDone();
                },
              },
            )
          }
        >
          {t('automation.templates.install')}
        </Button>
      </Group>
    </Stack>
  );
}
