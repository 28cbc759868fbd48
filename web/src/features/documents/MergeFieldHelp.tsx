import { Accordion, Code, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useEntityFields } from '../../api/customFields.ts';
import { EXAMPLES, LAYOUT_LINES, MERGE_FIELDS, type MergeGroup } from './mergeFields.ts';

const GROUPS = Object.keys(MERGE_FIELDS) as MergeGroup[];

/** What a template may use: merge fields by group (custom fields of deals and contacts included), layout lines, helpers. */
export function MergeFieldHelp() {
  const { t } = useTranslation();
  const dealFields = useEntityFields('deal');
  const contactFields = useEntityFields('contact');
  const custom = { deal: dealFields, contact: contactFields } as const;

  return (
    <Accordion variant="contained" multiple>
      <Accordion.Item value="fields">
        <Accordion.Control>{t('documents.help.fieldsTitle')}</Accordion.Control>
        <Accordion.Panel>
          <Stack gap="sm">
            {GROUPS.map((group) => (
              <Stack gap={4} key={group}>
                <Text size="sm" fw={600}>
                  {t(`documents.help.groups.${group}`)}
                </Text>
                <Group gap={6}>
                  {MERGE_FIELDS[group].map((field) => (
                    <Code key={field}>{group === 'items' ? `{{${field}}}` : `{{${group}.${field}}}`}</Code>
                  ))}
                  {(group === 'deal' || group === 'contact') &&
                    custom[group].map((def) => (
                      <Code key={def.key} title={def.label}>{`{{${group}.customFields.${def.key}}}`}</Code>
                    ))}
                </Group>
              </Stack>
            ))}
          </Stack>
        </Accordion.Panel>
      </Accordion.Item>
      <Accordion.Item value="layout">
        <Accordion.Control>{t('documents.help.layoutTitle')}</Accordion.Control>
        <Accordion.Panel>
          <Stack gap={6}>
            {LAYOUT_LINES.map(({ line, key }) => (
              <Group gap="xs" key={key} wrap="nowrap" align="flex-start">
                <Code style={{ whiteSpace: 'nowrap' }}>{line}</Code>
                <Text size="sm">{t(`documents.help.layout.${key}`)}</Text>
              </Group>
            ))}
            <Text size="sm" mt="xs">
              {t('documents.help.helpers')}
            </Text>
            {EXAMPLES.map((example) => (
              <Code block key={example}>
                {example}
              </Code>
            ))}
          </Stack>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
