import { ActionIcon, Button, Group, Modal, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useDeleteProduct, useUpdateProduct } from '../../api/products.ts';
import type { Product } from '../../api/types.ts';
import { errorSummary } from '../../components/errors.ts';

/** Deletes a product after a confirmation; one used on deals is offered to be deactivated instead. */
export function DeleteProductButton({ product }: { product: Product }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const [inUse, setInUse] = useState(false);
  const remove = useDeleteProduct();
  const update = useUpdateProduct();

  const done = (message: string) => {
    notifications.show({ color: 'teal', message });
    close();
  };
  const fail = (error: unknown) => notifications.show({ color: 'red', message: errorSummary(t, error) });

  const confirm = () =>
    remove.mutate(product.id, {
      onSuccess: () => done(t('products.deleted', { name: product.name })),
      onError: (error) => (error instanceof ApiError && error.status === 409 ? setInUse(true) : fail(error)),
    });
  const deactivate = () =>
    update.mutate(
      { id: product.id, version: product.version, changes: { active: false } },
      { onSuccess: () => done(t('products.deactivated', { name: product.name })), onError: fail },
    );

  return (
    <>
      <Tooltip label={t('common.delete')} withArrow>
        <ActionIcon
          variant="subtle"
          color="red"
          onClick={() => {
            setInUse(false);
            open();
          }}
          aria-label={t('products.deleteLabel', { name: product.name })}
        >
          <IconTrash size={18} />
        </ActionIcon>
      </Tooltip>
      <Modal opened={opened} onClose={close} title={t('products.deleteTitle')} centered>
        <Text size="sm">
          {inUse ? t('products.inUse', { name: product.name }) : t('products.deleteMessage', { name: product.name })}
        </Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          {inUse ? (
            product.active && (
              <Button onClick={deactivate} loading={update.isPending} data-autofocus>
                {t('products.deactivate')}
              </Button>
            )
          ) : (
            <Button color="red" onClick={confirm} loading={remove.isPending} data-autofocus>
              {t('common.delete')}
            </Button>
          )}
        </Group>
      </Modal>
    </>
  );
}
