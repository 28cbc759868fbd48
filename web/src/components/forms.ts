import { useTranslation } from 'react-i18next';

/** Client-side validators with translated messages, for @mantine/form's validate option. */
export function useValidators() {
  const { t } = useTranslation();
  return {
    required: (value: unknown) => (typeof value === 'string' && value.trim() === '' ? t('validation.required') : null),
    email: (value: string) =>
      value.trim() === ''
        ? t('validation.required')
        : /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim())
          ? null
          : t('validation.email'),
    password: (value: string) => (value.length < 8 ? t('validation.minLength', { count: 8 }) : null),
    optionalPassword: (value: string) => (value !== '' && value.length < 8 ? t('validation.minLength', { count: 8 }) : null),
    sameAs: (other: string) => (value: string) => (value !== other ? t('validation.passwordsDiffer') : null),
  };
}
