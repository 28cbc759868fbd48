import { Box, Center, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './CenteredCard.module.css';

/** The frame of the pages outside the app shell: login, setup and start-up errors. */
export function CenteredCard({ children, width = 420, aside }: { children: ReactNode; width?: number; aside?: ReactNode }) {
  return (
    <Center className={classes.page}>
      <Box w="100%" maw={width}>
        <Text className={classes.logo} ta="center" mb="md" aria-hidden="true">
          Kontor
        </Text>
        <Paper withBorder shadow="sm" radius="md" p={{ base: 'md', sm: 'xl' }}>
          {children}
        </Paper>
        {aside}
      </Box>
    </Center>
  );
}
