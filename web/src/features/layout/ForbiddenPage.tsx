import { Button } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState.tsx';

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <EmptyState
      titleOrder={1}
      icon={<IconLock />}
      title={t('forbidden.title')}
      description={t('forbidden.description')}
      action={
        <Button component={Link} to="/">
          {t('notFound.back')}
        </Button>
      }
    />
  );
}
