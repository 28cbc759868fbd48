import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

const TABS = [
  { value: '/admin/automation', label: 'automation.tabs.workflows' },
  { value: '/admin/automation/runs', label: 'automation.tabs.runs' },
  { value: '/admin/automation/forms', label: 'automation.tabs.forms' },
] as const;

/** Workflows | Läufe | Web-Formulare: the parts of the automation administration. */
export function AutomationTabs() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const active = [...TABS].reverse().find((tab) => pathname.startsWith(tab.value))?.value ?? TABS[0].value;
  return (
    <Tabs value={active} onChange={(value) => value && navigate(value)} mb="md">
      <Tabs.List>
        {TABS.map((tab) => (
          <Tabs.Tab key={tab.value} value={tab.value}>
            {t(tab.label)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
