import type { RouteObject } from 'react-router';
import { WorkflowEditorPage } from './editor/WorkflowEditorPage.tsx';
import { FormEditorPage } from './forms/FormEditorPage.tsx';
import { FormsPage } from './forms/FormsPage.tsx';
import { RunsPage } from './runs/RunsPage.tsx';
import { WorkflowsPage } from './WorkflowsPage.tsx';

/** The automation administration, mounted under /admin (administrators only). */
export const automationRoutes: RouteObject[] = [
  { path: 'automation', element: <WorkflowsPage /> },
  { path: 'automation/new', element: <WorkflowEditorPage /> },
  { path: 'automation/runs', element: <RunsPage /> },
  { path: 'automation/forms', element: <FormsPage /> },
  { path: 'automation/forms/new', element: <FormEditorPage /> },
  { path: 'automation/forms/:id', element: <FormEditorPage key="edit" /> },
  { path: 'automation/:id', element: <WorkflowEditorPage /> },
];
