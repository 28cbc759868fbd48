import { Button } from '@mantine/core';
import { IconMapSearch } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${t('notFound.title')} · Kontor`;
  }, [t]);
  return (
    <EmptyState
      titleOrder={1}
      icon={<IconMapSearch />}
      title={t('notFound.title')}
      description={t('notFound.description')}
      action={
        <Button component={Link} to="/">
          {t('notFound.back')}
        </Button>
      }
    />
  );
}
