import { Badge, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCurrentUser } from '../../api/auth.ts';
import { useTaskList } from '../../api/tasks.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { CreateTaskButton } from './CreateTaskDialog.tsx';
import { QuickCreate } from './QuickCreate.tsx';
import { TaskList } from './TaskList.tsx';
import { TeamAssigneeFilter } from './TeamAssigneeFilter.tsx';
import { useLiveTasks } from './useLiveTasks.ts';
import { isView, queryOf, type TaskView, viewsFor } from './views.ts';

function CountBadge({ view, color }: { view: TaskView; color: string }) {
  const list = useTaskList(queryOf(view, null));
  const first = list.data?.pages[0];
  if (!first || first.data.length === 0) return null;
  return (
    <Badge size="sm" variant="filled" color={color} circle={first.data.length < 10 && !first.nextCursor}>
      {first.nextCursor ? `${first.data.length}+` : first.data.length}
    </Badge>
  );
}

/** "My tasks": overdue, today, upcoming, without due date, done — and for heads the team's. */
export function TasksPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const requested = params.get('view');
  const view: TaskView = isView(requested, me.role) ? requested : 'today';
  const assigneeId = params.get('assignee');
  useLiveTasks();

  const select = (next: string | null) => {
    if (next && isView(next, me.role)) setParams(next === 'today' ? {} : { view: next }, { replace: true });
  };

  return (
    <>
      <PageHeader title={t('tasks.title')} description={t('tasks.description')} actions={<CreateTaskButton />} />
      {view !== 'team' && view !== 'done' && <QuickCreate view={view} />}
      <Tabs value={view} onChange={select} mb="md" keepMounted={false}>
        <Tabs.List aria-label={t('tasks.views.label')}>
          {viewsFor(me.role).map((key) => (
            <Tabs.Tab
              key={key}
              value={key}
              rightSection={
                key === 'overdue' ? (
                  <CountBadge view="overdue" color="red" />
                ) : key === 'today' ? (
                  <CountBadge view="today" color="blue" />
                ) : null
              }
            >
              {t(`tasks.views.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {view === 'team' && (
        <TeamAssigneeFilter
          value={assigneeId}
          onChange={(id) => setParams(id ? { view: 'team', assignee: id } : { view: 'team' }, { replace: true })}
        />
      )}
      <TaskList
        key={view}
        label={t(`tasks.views.${view}`)}
        query={queryOf(view, assigneeId)}
        showAssignee={view === 'team'}
        emptyTitle={t(`tasks.empty.${view}`)}
        emptyText={view === 'done' || view === 'team' ? undefined : t('tasks.emptyText')}
      />
    </>
  );
}
