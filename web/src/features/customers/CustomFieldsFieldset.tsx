import { Fieldset, SimpleGrid } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { CustomField } from '../../api/types.ts';
import { CustomFieldInput } from './CustomFieldInput.tsx';

/** The entity's custom fields in a form whose values hold them under customFields.<key>. */
export function CustomFieldsFieldset({ fields, form }: { fields: CustomField[]; form: UseFormReturnType<any> }) {
  const { t } = useTranslation();
  if (fields.length === 0) return null;
  return (
    <Fieldset legend={t('customers.customFields')} variant="filled">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {fields.map((field) => (
          <CustomFieldInput
            key={field.key}
            field={field}
            inputProps={form.getInputProps(`customFields.${field.key}`, {
              type: field.type === 'boolean' ? 'checkbox' : 'input',
            })}
          />
        ))}
      </SimpleGrid>
    </Fieldset>
  );
}
