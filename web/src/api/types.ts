// API shapes come from the server's TypeBox schemas; type-only imports never pull server code into the bundle.
// One sorted list for every module (Biome keeps re-exports in path order).
export type { Duplicate } from '../../../server/http/schemas.ts';
export type { Activity, CreateActivity } from '../../../server/modules/activities/activities.schemas.ts';
export type { ApiKey, CreateApiKey } from '../../../server/modules/api-keys/api-keys.schemas.ts';
export type { ChangePassword, Login, UpdateProfile } from '../../../server/modules/auth/auth.schemas.ts';
export type { Company, CreateCompany, UpdateCompany } from '../../../server/modules/companies/companies.schemas.ts';
export type { Contact, CreateContact, UpdateContact } from '../../../server/modules/contacts/contacts.schemas.ts';
export type {
  CreateCustomField,
  CustomField,
  UpdateCustomField,
} from '../../../server/modules/custom-fields/custom-fields.schemas.ts';
export type { CreateDeal, Deal, UpdateDeal } from '../../../server/modules/deals/deals.schemas.ts';
export type { Import, Preview as ImportPreview } from '../../../server/modules/imports/imports.schemas.ts';
export type { HandoverResult } from '../../../server/modules/ownership/ownership.schemas.ts';
export type {
  CreatePipeline,
  Pipeline,
  Stage,
  StageInput,
  UpdatePipeline,
} from '../../../server/modules/pipelines/pipelines.schemas.ts';
export type { SavedView } from '../../../server/modules/saved-views/saved-views.schemas.ts';
export type { SearchHit } from '../../../server/modules/search/search.schemas.ts';
export type { CompanySettings, UpdateCompanySettings } from '../../../server/modules/settings/company.schemas.ts';
export type { Setup } from '../../../server/modules/setup/setup.schemas.ts';
export type { CreateTask, Task, UpdateTask } from '../../../server/modules/tasks/tasks.schemas.ts';
export type { CreateTeam, Team, UpdateTeam } from '../../../server/modules/teams/teams.schemas.ts';
export type { TimelineItem } from '../../../server/modules/timeline/timeline.schemas.ts';
export type { CreateUser, UpdateUser, User } from '../../../server/modules/users/users.schemas.ts';

import type { Static } from 'typebox';
import type { ApiKey } from '../../../server/modules/api-keys/api-keys.schemas.ts';
import type { CustomField } from '../../../server/modules/custom-fields/custom-fields.schemas.ts';
import type { BoardSchema, StageChangeSchema } from '../../../server/modules/deals/deals.schemas.ts';
import type {
  CreateTaskTypeSchema,
  TaskCommentSchema,
  TaskStatusSchema,
  TaskTypeSchema,
  UpdateTaskTypeSchema,
} from '../../../server/modules/tasks/tasks.schemas.ts';
import type { User } from '../../../server/modules/users/users.schemas.ts';

export type Board = Static<typeof BoardSchema>;
export type BoardColumn = Board['stages'][number];
export type BoardCard = BoardColumn['deals'][number];
export type StageChange = Static<typeof StageChangeSchema>;

/*
 * Line items, payments, products and lost reasons keep their schemas next to their routes on the server
 * (deals/line-items.ts, deals/payments.ts, products/products.ts, pipelines/lost-reasons.ts); a type import
 * would pull server code into the web build's type check, so their shapes are written out here.
 */
interface Stamped {
  id: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}
export interface LineItem extends Stamped {
  dealId: string;
  productId: string | null;
  description: string;
  quantity: number;
  unit: string | null;
  unitPriceCents: number;
  discountPercent: number;
  taxRate: number;
  netCents: number;
  position: number;
}
export interface CreateLineItem {
  productId?: string | null;
  description?: string;
  quantity: number;
  unit?: string;
  unitPriceCents?: number;
  discountPercent?: number;
  taxRate?: number;
  position?: number;
}
export type UpdateLineItem = Partial<Omit<CreateLineItem, 'productId'>>;
export interface Payment extends Stamped {
  dealId: string;
  amountCents: number;
  paidAt: string;
  method: string | null;
  note: string | null;
  userId: string | null;
}
export interface CreatePayment {
  amountCents: number;
  paidAt?: string;
  method?: string;
  note?: string;
}
export interface Product extends Stamped {
  name: string;
  sku: string | null;
  unit: string;
  unitPriceCents: number;
  taxRate: number;
  description: string | null;
  active: boolean;
}
export interface CreateProduct {
  name: string;
  unitPriceCents: number;
  sku?: string | null;
  unit?: string;
  taxRate?: number;
  description?: string | null;
  active?: boolean;
}
export type UpdateProduct = Partial<CreateProduct>;
export interface LostReason extends Stamped {
  name: string;
  position: number;
  active: boolean;
}

export type CustomFieldType = CustomField['type'];
export type CustomFieldEntity = CustomField['entity'];
/** Contacts and companies share lists, cards, duplicates, merge, stats and export. */
export type CustomerEntity = 'contact' | 'company';

/**
 * GET /contacts/:id/stats and /companies/:id/stats. Written out here because server/modules/stats/stats.ts
 * keeps its schema next to the routes (a type import would pull server code into the web build's type check).
 */
export interface RecordStats {
  deals: number;
  openDeals: number;
  wonDeals: number;
  lostDeals: number;
  wonRevenueCents: number;
  averageDealCents: number;
  openPipelineCents: number;
  lastContactAt: string | null;
  daysSinceLastContact: number | null;
  dealsPerMonth: number;
  visitsPerMonth: number;
}

export type TaskStatus = Static<typeof TaskStatusSchema>;
export type TaskType = Static<typeof TaskTypeSchema>;
export type CreateTaskType = Static<typeof CreateTaskTypeSchema>;
export type UpdateTaskType = Static<typeof UpdateTaskTypeSchema>;
export type TaskComment = Static<typeof TaskCommentSchema>;

/*
 * Notifications and work settings keep their schemas next to their routes on the server
 * (notifications/notifications.routes.ts, settings/work-settings.ts); their shapes are written out here.
 */
export interface AppNotification {
  id: string;
  /** task.reminder, task.escalated, task.assigned, deal.report, … */
  kind: string;
  title: string;
  body: string;
  entityType: string | null;
  entityId: string | null;
  readAt: string | null;
  createdAt: string;
}
export interface NotificationPage {
  data: AppNotification[];
  nextCursor: string | null;
  unreadCount: number;
}
/** Opening hours "HH:mm"–"HH:mm" per ISO weekday "1" (Mon) … "7" (Sun). */
export type OpeningHours = Record<string, [string, string][]>;
export interface WorkSettings {
  businessHours: { enabled: boolean; timeZone: string; days: OpeningHours; holidays: string[] };
  escalationUserId: string | null;
  /** Sent back as If-Match with a change. */
  version: number;
  updatedAt: string;
}
export type WorkSettingsChanges = Partial<Pick<WorkSettings, 'businessHours' | 'escalationUserId'>>;

export type Role = User['role'];
export type Locale = User['locale'];
export type CreatedApiKey = ApiKey & { key: string };

export interface Session {
  token: string;
  expiresAt: string;
  user: User;
}

/** Roles from most to least privileged; a user may grant only roles at or below their own. */
export const ROLES: readonly Role[] = ['admin', 'head', 'manager', 'specialist'];

export function rolesAtOrBelow(role: Role): Role[] {
  return ROLES.slice(ROLES.indexOf(role));
}
