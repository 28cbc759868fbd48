import { Button, Group, Modal, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCreatePipeline } from '../../api/pipelines.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrorsOf } from '../../components/errors.ts';
import { useValidators } from '../../components/forms.ts';

/** A new pipeline starts with the server's standard stages; the editor opens right after. */
export function CreatePipelineModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreatePipeline();
  const v = useValidators();
  const form = useForm({ initialValues: { name: '', isDefault: false }, validate: { name: v.required } });

  const close = () => {
    form.reset();
    create.reset();
    onClose();
  };

  const submit = form.onSubmit((values) =>
    create.mutate(
      { name: values.name.trim(), isDefault: values.isDefault },
      {
        onSuccess: (pipeline) => {
          notifications.show({ color: 'teal', message: t('pipelines.created', { name: pipeline.name }) });
          close();
          void navigate(`/admin/pipelines/${encodeURIComponent(pipeline.id)}`);
        },
        onError: (error) => form.setErrors(fieldErrorsOf(t, error)),
      },
    ),
  );

  return (
    <Modal opened={opened} onClose={close} title={t('pipelines.create')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {create.error && <ErrorAlert error={create.error} hideFields={['name']} />}
          <TextInput
            label={t('pipelines.name')}
            description={t('pipelines.createHint')}
            required
            data-autofocus
            {...form.getInputProps('name')}
          />
          <Switch label={t('pipelines.isDefault')} {...form.getInputProps('isDefault', { type: 'checkbox' })} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={create.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('pipelines.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
