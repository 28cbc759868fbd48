import { Button, Group, Modal, Select, SimpleGrid, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useCreateProduct, useUpdateProduct } from '../../api/products.ts';
import type { Product, UpdateProduct } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrorsOf } from '../../components/errors.ts';
import { useValidators } from '../../components/forms.ts';
import { TAX_RATES } from '../deals/form/dealFormValues.ts';
import { centsToEuros, eurosToCents } from '../deals/format.ts';
import { MoneyInput } from '../deals/inputs/MoneyInput.tsx';

interface Values {
  name: string;
  sku: string;
  unit: string;
  price: number | string;
  taxRate: string;
  description: string;
  active: boolean;
}

function valuesOf(product: Product | null): Values {
  return {
    name: product?.name ?? '',
    sku: product?.sku ?? '',
    unit: product?.unit ?? 'Stk.',
    price: centsToEuros(product?.unitPriceCents ?? null),
    taxRate: String(product?.taxRate ?? 19),
    description: product?.description ?? '',
    active: product?.active ?? true,
  };
}

export function ProductFormModal({ product, onClose }: { product: Product | 'new' | null; onClose: () => void }) {
  const { t } = useTranslation();
  const current = product === 'new' ? null : product;
  return (
    <Modal
      opened={product !== null}
      onClose={onClose}
      title={current ? t('products.editTitle', { name: current.name }) : t('products.create')}
      size="lg"
    >
      {product !== null && <ProductForm key={current?.id ?? 'new'} product={current} onDone={onClose} />}
    </Modal>
  );
}

function ProductForm({ product, onDone }: { product: Product | null; onDone: () => void }) {
  const { t } = useTranslation();
  const v = useValidators();
  const create = useCreateProduct();
  const update = useUpdateProduct();
  const mutation = product ? update : create;
  const form = useForm<Values>({
    initialValues: valuesOf(product),
    validate: {
      name: v.required,
      unit: v.required,
      price: (value) => (eurosToCents(value) === null ? t('validation.required') : null),
    },
  });

  const submit = form.onSubmit((values) => {
    const input = {
      name: values.name.trim(),
      sku: values.sku.trim() || null,
      unit: values.unit.trim(),
      unitPriceCents: eurosToCents(values.price) ?? 0,
      taxRate: Number(values.taxRate),
      description: values.description.trim() || null,
      active: values.active,
    };
    const onError = (error: Error) =>
      form.setErrors(
        Object.fromEntries(
          Object.entries(fieldErrorsOf(t, error)).map(([path, message]) => [path === 'unitPriceCents' ? 'price' : path, message]),
        ),
      );
    const onSuccess = (saved: Product) => {
      notifications.show({ color: 'teal', message: t(product ? 'products.updated' : 'products.created', { name: saved.name }) });
      onDone();
    };
    if (!product) return create.mutate(input, { onSuccess, onError });
    const changes: UpdateProduct = {};
    for (const key of Object.keys(input) as (keyof typeof input)[]) {
      if (input[key] !== product[key]) Object.assign(changes, { [key]: input[key] });
    }
    if (Object.keys(changes).length === 0) return onDone();
    update.mutate({ id: product.id, version: product.version, changes }, { onSuccess, onError });
  });

  const stale = mutation.error instanceof ApiError && mutation.error.status === 412;
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {mutation.error && (
          <ErrorAlert error={mutation.error} hideFields={['name', 'sku', 'unit', 'unitPriceCents', 'taxRate', 'description']} />
        )}
        <TextInput label={t('products.name')} required data-autofocus {...form.getInputProps('name')} />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput label={t('products.sku')} {...form.getInputProps('sku')} />
          <TextInput label={t('products.unit')} required description={t('products.unitHint')} {...form.getInputProps('unit')} />
          <MoneyInput label={t('products.price')} required {...form.getInputProps('price')} />
          <Select
            label={t('products.taxRate')}
            allowDeselect={false}
            data={TAX_RATES.map((rate) => ({ value: rate, label: `${rate} %` }))}
            {...form.getInputProps('taxRate')}
          />
        </SimpleGrid>
        <Textarea
          label={t('products.descriptionField')}
          autosize
          minRows={2}
          maxRows={6}
          {...form.getInputProps('description')}
        />
        <Switch
          label={t('products.active')}
          description={t('products.activeHint')}
          {...form.getInputProps('active', { type: 'checkbox' })}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone} disabled={mutation.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending} disabled={stale}>
            {product ? t('common.save') : t('products.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
