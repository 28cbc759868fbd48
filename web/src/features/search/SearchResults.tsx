import { Group, Stack, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { type Icon, IconAddressBook, IconBuildingCommunity, IconCurrencyEuro } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../api/types.ts';
import classes from './GlobalSearch.module.css';

export const HIT_PATH: Record<SearchHit['type'], string> = { contact: '/contacts', company: '/companies', deal: '/deals' };
const ICONS: Record<SearchHit['type'], Icon> = {
  contact: IconAddressBook,
  company: IconBuildingCommunity,
  deal: IconCurrencyEuro,
};
const ORDER: SearchHit['type'][] = ['contact', 'company', 'deal'];

/** The hits grouped by type, in the order they are navigated with the arrow keys. */
export function groupHits(hits: SearchHit[]): { type: SearchHit['type']; hits: SearchHit[] }[] {
  return ORDER.map((type) => ({ type, hits: hits.filter((hit) => hit.type === type) })).filter((group) => group.hits.length > 0);
}

interface Props {
  groups: { type: SearchHit['type']; hits: SearchHit[] }[];
  active: number;
  onHover: (index: number) => void;
  onPick: (hit: SearchHit) => void;
}

export function SearchResults({ groups, active, onHover, onPick }: Props) {
  const { t } = useTranslation();
  let index = -1;
  return (
    <Stack gap="sm" role="listbox" id="global-search-results" aria-label={t('search.results')}>
      {groups.map((group) => {
        const GroupIcon = ICONS[group.type];
        return (
          // biome-ignore lint/a11y/useSemanticElements: a group of options inside a listbox (ARIA), not a form fieldset
          <div key={group.type} role="group" aria-label={t(`search.groups.${group.type}`)}>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="xs" mb={4}>
              {t(`search.groups.${group.type}`)}
            </Text>
            {group.hits.map((hit) => {
              index += 1;
              const mine = index;
              return (
                <UnstyledButton
                  key={`${hit.type}:${hit.id}`}
                  id={`search-hit-${mine}`}
                  role="option"
                  aria-selected={mine === active}
                  data-active={mine === active || undefined}
                  className={classes.hit}
                  onMouseMove={() => onHover(mine)}
                  onClick={() => onPick(hit)}
                  tabIndex={-1}
                >
                  <Group gap="sm" wrap="nowrap">
                    <ThemeIcon variant="light" size="md" radius="sm" aria-hidden="true">
                      <GroupIcon size={16} />
                    </ThemeIcon>
                    <div style={{ minWidth: 0 }}>
                      <Text size="sm" fw={600} truncate>
                        {hit.title}
                      </Text>
                      {hit.subtitle && (
                        <Text size="xs" c="dimmed" truncate>
                          {hit.subtitle}
                        </Text>
                      )}
                    </div>
                  </Group>
                </UnstyledButton>
              );
            })}
          </div>
        );
      })}
    </Stack>
  );
}
