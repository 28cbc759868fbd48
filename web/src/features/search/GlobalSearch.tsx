import { Kbd, Loader, Modal, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { type KeyboardEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useGlobalSearch } from '../../api/search.ts';
import type { SearchHit } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import classes from './GlobalSearch.module.css';
import { groupHits, HIT_PATH, SearchResults } from './SearchResults.tsx';
import { isMac, useSearchHotkeys } from './searchHotkeys.ts';

/** The header's search over contacts, companies and deals: Ctrl+K or "/" opens it, arrows and Enter pick a hit. */
export function GlobalSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, { open, close }] = useDisclosure(false);
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text, 200);
  const search = useGlobalSearch(q);
  const [active, setActive] = useState(0);
  useSearchHotkeys(open);

  const groups = useMemo(() => groupHits(text.trim() ? (search.data ?? []) : []), [search.data, text]);
  const flat = useMemo(() => groups.flatMap((group) => group.hits), [groups]);
  // Typing starts again at the best hit; a shorter answer never leaves the choice beyond its end.
  const current = Math.min(active, Math.max(flat.length - 1, 0));

  const shut = () => {
    close();
    setText('');
  };
  const pick = (hit: SearchHit) => {
    shut();
    void navigate(`${HIT_PATH[hit.type]}/${hit.id}`);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (flat.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const next = (current + step + flat.length) % flat.length;
      setActive(next);
      document.getElementById(`search-hit-${next}`)?.scrollIntoView({ block: 'nearest' });
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const hit = flat[current];
      if (hit) pick(hit);
    }
  };

  const shortcut = isMac() ? '⌘ K' : t('search.ctrlK');
  const waiting = text.trim() !== '' && (text !== q || search.isFetching);

  return (
    <>
      <UnstyledButton
        className={classes.trigger}
        onClick={open}
        aria-label={t('search.open')}
        aria-keyshortcuts="Control+K Meta+K /"
      >
        <IconSearch size={16} aria-hidden="true" />
        <span className={classes.triggerText} style={{ flex: 1 }}>
          {t('search.placeholder')}
        </span>
        <Kbd size="xs" className={classes.triggerText}>
          {shortcut}
        </Kbd>
      </UnstyledButton>
      <Modal.Root opened={opened} onClose={shut} size="lg" yOffset="10vh">
        <Modal.Overlay />
        {/* The dialog is named by its search field's purpose; it has no visible title. */}
        <Modal.Content aria-label={t('search.title')}>
          <Modal.Body p="md">
            <TextInput
              size="md"
              data-autofocus
              placeholder={t('search.inputPlaceholder')}
              aria-label={t('search.title')}
              leftSection={waiting ? <Loader size={16} /> : <IconSearch size={18} aria-hidden="true" />}
              value={text}
              onChange={(event) => {
                setText(event.currentTarget.value);
                setActive(0);
              }}
              onKeyDown={onKeyDown}
              role="combobox"
              aria-expanded={flat.length > 0}
              aria-controls="global-search-results"
              aria-activedescendant={flat.length > 0 ? `search-hit-${current}` : undefined}
              autoComplete="off"
              mb="md"
            />
            {search.isError ? (
              <ErrorAlert error={search.error} />
            ) : text.trim() === '' ? (
              <Text size="sm" c="dimmed">
                {t('search.hint')}
              </Text>
            ) : flat.length === 0 && !waiting ? (
              <Text size="sm" c="dimmed">
                {t('search.noHits', { q: text.trim() })}
              </Text>
            ) : (
              <SearchResults groups={groups} active={current} onHover={setActive} onPick={pick} />
            )}
          </Modal.Body>
        </Modal.Content>
      </Modal.Root>
    </>
  );
}
