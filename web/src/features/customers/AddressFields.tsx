import { Grid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';

export interface AddressValues {
  street: string;
  zip: string;
  city: string;
  country: string;
}

export const EMPTY_ADDRESS: AddressValues = { street: '', zip: '', city: '', country: '' };

export function addressValues(address: { [K in keyof AddressValues]: string | null }): AddressValues {
  return { street: address.street ?? '', zip: address.zip ?? '', city: address.city ?? '', country: address.country ?? '' };
}

/** The address parts that differ from `base` (all filled ones without a base), empty ones as null. */
export function addressChanges(
  values: AddressValues,
  base?: AddressValues,
): Partial<Record<keyof AddressValues, string | null>> | undefined {
  const out: Partial<Record<keyof AddressValues, string | null>> = {};
  for (const key of Object.keys(values) as (keyof AddressValues)[]) {
    const value = key === 'country' ? values[key].trim().toUpperCase() : values[key].trim();
    if (base ? value !== base[key] : value !== '') out[key] = value === '' ? null : value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

export function AddressFields({ form }: { form: UseFormReturnType<any> }) {
  const { t } = useTranslation();
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput label={t('customers.street')} {...form.getInputProps('address.street')} />
      </Grid.Col>
      <Grid.Col span={{ base: 4, sm: 2 }}>
        <TextInput label={t('customers.zip')} {...form.getInputProps('address.zip')} />
      </Grid.Col>
      <Grid.Col span={{ base: 8, sm: 3 }}>
        <TextInput label={t('customers.city')} {...form.getInputProps('address.city')} />
      </Grid.Col>
      <Grid.Col span={{ base: 4, sm: 1 }}>
        <TextInput
          label={t('customers.country')}
          title={t('customers.countryHint')}
          placeholder="DE"
          maxLength={2}
          {...form.getInputProps('address.country')}
        />
      </Grid.Col>
    </Grid>
  );
}
