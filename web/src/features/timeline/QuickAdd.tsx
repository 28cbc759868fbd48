import { Button, Group, NumberInput, SegmentedControl, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/auth.ts';
import { type TimelineEntity, useLogActivity } from '../../api/timeline.ts';
import type { CreateActivity } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

type Kind = 'note' | 'call';
type Direction = 'outbound' | 'inbound';

const REF: Record<TimelineEntity, 'contactId' | 'companyId' | 'dealId'> = {
  contact: 'contactId',
  company: 'companyId',
  deal: 'dealId',
};

/** Quick add on a timeline: a note, or a call with its direction and length. */
export function QuickAdd({ entity, id }: { entity: TimelineEntity; id: string }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const log = useLogActivity(entity, id, me.name);
  const [kind, setKind] = useState<Kind>('note');
  const [body, setBody] = useState('');
  const [direction, setDirection] = useState<Direction>('outbound');
  const [minutes, setMinutes] = useState<number | string>('');

  const submit = () => {
    const input: CreateActivity = { type: kind, [REF[entity]]: id, body: body.trim() };
    if (kind === 'call') {
      input.direction = direction;
      if (minutes !== '' && Number(minutes) >= 0) input.durationSec = Math.round(Number(minutes) * 60);
    }
    log.mutate(input, {
      onSuccess: () => {
        setBody('');
        setMinutes('');
        notifications.show({ color: 'teal', message: t(kind === 'note' ? 'timeline.noteSaved' : 'timeline.callSaved') });
      },
    });
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      aria-label={t('timeline.quickAdd')}
    >
      <Stack gap="xs">
        <SegmentedControl
          value={kind}
          onChange={(value) => setKind(value as Kind)}
          data={[
            { value: 'note', label: t('timeline.types.note') },
            { value: 'call', label: t('timeline.types.call') },
          ]}
          w={{ base: '100%', xs: 'auto' }}
          aria-label={t('timeline.kind')}
        />
        {log.error && <ErrorAlert error={log.error} />}
        <Textarea
          label={kind === 'note' ? t('timeline.noteText') : t('timeline.callText')}
          placeholder={kind === 'note' ? t('timeline.notePlaceholder') : t('timeline.callPlaceholder')}
          autosize
          minRows={2}
          maxRows={10}
          maxLength={20_000}
          value={body}
          onChange={(event) => setBody(event.currentTarget.value)}
        />
        <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
          {kind === 'call' ? (
            <Group gap="sm" align="flex-end" wrap="wrap">
              <SegmentedControl
                value={direction}
                onChange={(value) => setDirection(value as Direction)}
                data={[
                  { value: 'outbound', label: t('timeline.direction.outbound') },
                  { value: 'inbound', label: t('timeline.direction.inbound') },
                ]}
                aria-label={t('timeline.directionLabel')}
              />
              <NumberInput
                label={t('timeline.duration')}
                min={0}
                max={1440}
                allowDecimal={false}
                value={minutes}
                onChange={setMinutes}
                w={130}
              />
            </Group>
          ) : (
            <span />
          )}
          <Button type="submit" loading={log.isPending} disabled={kind === 'note' && body.trim() === ''}>
            {kind === 'note' ? t('timeline.saveNote') : t('timeline.saveCall')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
