import { NumberInput, type NumberInputProps } from '@mantine/core';
import { useNumberFormat } from '../../customers/CustomFieldInput.tsx';

/** An amount in euros with two decimals in the UI language's notation; forms convert to cents on submit. */
export function MoneyInput(props: NumberInputProps) {
  const separators = useNumberFormat();
  return (
    <NumberInput
      {...separators}
      decimalScale={2}
      hideControls
      rightSection={<span aria-hidden="true">€</span>}
      inputMode="decimal"
      {...props}
    />
  );
}

/** A plain decimal number (quantity, percent) in the UI language's notation. */
export function DecimalInput(props: NumberInputProps) {
  const { decimalSeparator } = useNumberFormat();
  return <NumberInput decimalSeparator={decimalSeparator} hideControls inputMode="decimal" {...props} />;
}
