import { SegmentedControl, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isLanguage, LANGUAGES, type Language, setLanguage } from '../i18n/index.ts';

interface Props {
  /** Called after the UI switched, e.g. to save the choice in the user's profile. */
  onChange?: (language: Language) => void;
  disabled?: boolean;
  size?: 'xs' | 'sm';
}

/** DE | EN switch; the choice applies at once and is remembered in the browser. */
export function LanguageSwitch({ onChange, disabled, size = 'xs' }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size={size}
      aria-label={t('common.language')}
      value={i18n.language}
      disabled={disabled}
      data={LANGUAGES.map((lng) => ({
        value: lng,
        label: (
          <>
            <span aria-hidden="true">{lng.toUpperCase()}</span>
            <VisuallyHidden lang={lng}>{t(`languages.${lng}`)}</VisuallyHidden>
          </>
        ),
      }))}
      onChange={(value) => {
        if (!isLanguage(value)) return;
        setLanguage(value);
        onChange?.(value);
      }}
    />
  );
}
