import { Button, Center, Code, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/** Shown when rendering a page failed unexpectedly: a way back instead of a blank screen. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : '';
  return (
    <Center mih={320} p="md">
      <Stack align="center" gap="sm" maw={520}>
        <Title order={1} size="h3">
          {t('routeError.title')}
        </Title>
        <Text c="dimmed" ta="center">
          {t('routeError.description')}
        </Text>
        {detail && <Code>{detail}</Code>}
        <Button onClick={() => window.location.assign('/')}>{t('routeError.reload')}</Button>
      </Stack>
    </Center>
  );
}
