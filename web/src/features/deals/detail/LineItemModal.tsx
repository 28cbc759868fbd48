import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useLineItemMutations } from '../../../api/deals.ts';
import { useActiveProducts } from '../../../api/products.ts';
import type { CreateLineItem, Deal, LineItem } from '../../../api/types.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { fieldErrorsOf } from '../../../components/errors.ts';
import { formatMoney } from '../../../i18n/format.ts';
import { TAX_RATES } from '../form/dealFormValues.ts';
import { centsToEuros, eurosToCents } from '../format.ts';
import { DecimalInput, MoneyInput } from '../inputs/MoneyInput.tsx';
import { lineNet } from './totals.ts';

interface Values {
  productId: string | null;
  description: string;
  quantity: number | string;
  unit: string;
  unitPrice: number | string;
  discountPercent: number | string;
  taxRate: string;
}

function valuesOf(item: LineItem | null): Values {
  return {
    productId: item?.productId ?? null,
    description: item?.description ?? '',
    quantity: item?.quantity ?? 1,
    unit: item?.unit ?? '',
    unitPrice: centsToEuros(item?.unitPriceCents ?? null),
    discountPercent: item?.discountPercent ?? 0,
    taxRate: String(item?.taxRate ?? 19),
  };
}

const num = (value: number | string) => (value === '' ? Number.NaN : Number(value));

interface Props {
  deal: Deal;
  /** The line to change, 'new' for a new one, null: closed. */
  item: LineItem | 'new' | null;
  onClose: () => void;
}

export function LineItemModal({ deal, item, onClose }: Props) {
  const { t } = useTranslation();
  const line = item === 'new' ? null : item;
  return (
    <Modal opened={item !== null} onClose={onClose} title={line ? t('deals.lines.editTitle') : t('deals.lines.add')} size="lg">
      {item !== null && <LineItemForm key={line?.id ?? 'new'} deal={deal} item={line} onDone={onClose} />}
    </Modal>
  );
}

function LineItemForm({ deal, item, onDone }: { deal: Deal; item: LineItem | null; onDone: () => void }) {
  const { t } = useTranslation();
  const products = useActiveProducts();
  const { add, update } = useLineItemMutations(deal.id);
  const mutation = item ? update : add;
  const form = useForm<Values>({
    initialValues: valuesOf(item),
    validate: {
      description: (value) => (value.trim() === '' ? t('validation.required') : null),
      quantity: (value) => (!(num(value) > 0) ? t('deals.lines.quantityPositive') : null),
      unitPrice: (value) => (value === '' ? t('validation.required') : null),
      discountPercent: (value) => (num(value) >= 0 && num(value) <= 100 ? null : t('deals.lines.discountRange')),
    },
  });

  const pickProduct = (productId: string | null) => {
    form.setFieldValue('productId', productId);
    const product = products.data?.find((p) => p.id === productId);
    if (!product) return;
    form.setValues({
      description: product.name,
      unit: product.unit,
      unitPrice: product.unitPriceCents / 100,
      taxRate: String(product.taxRate),
    });
  };

  const { quantity, unitPrice, discountPercent } = form.values;
  const preview =
    num(quantity) > 0 && unitPrice !== '' && num(discountPercent) >= 0
      ? lineNet(num(quantity), eurosToCents(unitPrice) ?? 0, num(discountPercent) || 0)
      : null;

  const submit = form.onSubmit((values) => {
    const input: CreateLineItem = {
      description: values.description.trim(),
      quantity: num(values.quantity),
      unit: values.unit.trim() || undefined,
      unitPriceCents: eurosToCents(values.unitPrice) ?? 0,
      discountPercent: num(values.discountPercent) || 0,
      taxRate: Number(values.taxRate),
    };
    const onError = (error: Error) => form.setErrors(fieldErrorsOf(t, error));
    if (item) {
      const { productId: _, ...changes } = input;
      update.mutate({ id: item.id, changes }, { onSuccess: onDone, onError });
    } else {
      add.mutate({ ...input, productId: values.productId ?? undefined }, { onSuccess: onDone, onError });
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {mutation.error && <ErrorAlert error={mutation.error} hideFields={Object.keys(form.values)} />}
        <Select
          label={t('deals.lines.product')}
          placeholder={t('deals.lines.productPlaceholder')}
          description={item ? undefined : t('deals.lines.productHint')}
          searchable
          clearable
          disabled={item !== null}
          nothingFoundMessage={t('common.nothingFound')}
          data={(products.data ?? []).map((p) => ({
            value: p.id,
            label: p.sku ? `${p.name} (${p.sku})` : p.name,
          }))}
          value={form.values.productId}
          onChange={pickProduct}
        />
        <TextInput label={t('deals.lines.description')} required data-autofocus {...form.getInputProps('description')} />
        <SimpleGrid cols={{ base: 2, sm: 3 }}>
          <DecimalInput label={t('deals.lines.quantity')} required decimalScale={4} min={0} {...form.getInputProps('quantity')} />
          <TextInput
            label={t('deals.lines.unit')}
            placeholder={t('deals.lines.unitPlaceholder')}
            {...form.getInputProps('unit')}
          />
          <MoneyInput label={t('deals.lines.unitPrice')} required min={undefined} {...form.getInputProps('unitPrice')} />
          <DecimalInput
            label={t('deals.lines.discount')}
            decimalScale={2}
            min={0}
            max={100}
            rightSection={<span aria-hidden="true">%</span>}
            {...form.getInputProps('discountPercent')}
          />
          <Select
            label={t('deals.lines.taxRate')}
            allowDeselect={false}
            data={TAX_RATES.map((rate) => ({ value: rate, label: `${rate} %` }))}
            {...form.getInputProps('taxRate')}
          />
        </SimpleGrid>
        <Text size="sm" ta="right" data-testid="line-preview">
          {t('deals.lines.net')}: <strong>{preview === null ? '—' : formatMoney(preview, deal.currency)}</strong>
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone} disabled={mutation.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {item ? t('common.save') : t('deals.lines.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
