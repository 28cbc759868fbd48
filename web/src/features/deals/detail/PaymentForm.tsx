import { Autocomplete, Button, Group } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { usePaymentMutations } from '../../../api/deals.ts';
import type { Deal } from '../../../api/types.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { fieldErrorsOf } from '../../../components/errors.ts';
import { formatMoney } from '../../../i18n/format.ts';
import { eurosToCents, todayIso } from '../format.ts';
import { DateField } from '../inputs/DateField.tsx';
import { MoneyInput } from '../inputs/MoneyInput.tsx';

interface Values {
  amount: number | string;
  paidAt: string | null;
  method: string;
}

/** Books a payment: amount (the open rest by default), date and method. */
export function PaymentForm({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const { add } = usePaymentMutations(deal.id);
  const rest = Math.max(0, deal.grossCents - deal.paidCents);
  const form = useForm<Values>({
    initialValues: { amount: '', paidAt: todayIso(), method: '' },
    validate: {
      amount: (value) => (eurosToCents(value) ? null : t('deals.payments.amountRequired')),
      paidAt: (value) => (value ? null : t('validation.required')),
    },
  });
  const methods = [
    t('deals.payments.methods.transfer'),
    t('deals.payments.methods.cash'),
    t('deals.payments.methods.card'),
    t('deals.payments.methods.paypal'),
  ];

  const submit = form.onSubmit((values) => {
    add.mutate(
      {
        amountCents: eurosToCents(values.amount) ?? 0,
        paidAt: values.paidAt ?? undefined,
        method: values.method.trim() || undefined,
      },
      {
        onSuccess: (payment) => {
          notifications.show({
            color: 'teal',
            message: t('deals.payments.booked', { amount: formatMoney(payment.amountCents) }),
          });
          form.reset();
        },
        onError: (error) => form.setErrors(fieldErrorsOf(t, error)),
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t('deals.payments.add')}>
      {add.error && <ErrorAlert error={add.error} hideFields={['amountCents', 'paidAt', 'method']} />}
      <Group align="flex-start" gap="sm" wrap="wrap">
        <MoneyInput
          label={t('deals.payments.amount')}
          placeholder={rest > 0 ? formatMoney(rest, deal.currency).replace(/\s?€/, '') : undefined}
          min={undefined}
          required
          w={{ base: '100%', xs: 150 }}
          {...form.getInputProps('amount')}
        />
        <DateField
          label={t('deals.payments.date')}
          required
          clearable={false}
          w={{ base: '100%', xs: 150 }}
          {...form.getInputProps('paidAt')}
        />
        <Autocomplete
          label={t('deals.payments.method')}
          data={methods}
          w={{ base: '100%', xs: 170 }}
          {...form.getInputProps('method')}
        />
        <Button type="submit" mt={{ base: 0, xs: 25 }} loading={add.isPending} variant="light">
          {t('deals.payments.add')}
        </Button>
      </Group>
    </form>
  );
}
