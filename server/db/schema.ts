import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';

// The database as Kysely sees it (CamelCasePlugin maps these names to snake_case columns).
// Kept in step with migrations/; tests/db/migrations.test.ts checks every column exists.

export type Role = 'admin' | 'head' | 'manager' | 'specialist';
export type Locale = 'de' | 'en';

interface Stamped {
  createdAt: string;
  updatedAt: string;
  version: ColumnType<number, number | undefined, number>;
}

export interface TeamsTable extends Stamped {
  id: string;
  name: string;
  headId: string | null;
}

export interface UsersTable extends Stamped {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  role: Role;
  teamId: string | null;
  active: number;
  locale: Locale;
  lastLoginAt: string | null;
  passwordChangedAt: string | null;
}

export interface SessionsTable {
  id: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  userAgent: string | null;
  ip: string | null;
}

export interface ApiKeysTable extends Stamped {
  id: string;
  name: string;
  prefix: string;
  keyHash: string;
  role: Role;
  userId: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface SettingsTable extends Stamped {
  key: string;
  value: string;
}

interface AddressColumns {
  street: string | null;
  zip: string | null;
  city: string | null;
  country: string | null;
}

export interface CompaniesTable extends Stamped, AddressColumns {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  phoneNormalized: string | null;
  website: string | null;
  ownerId: string | null;
  /** JSON array of strings */
  tags: string;
  /** JSON object, validated against custom_fields definitions */
  customFields: string;
  externalId: string | null;
}

export interface ContactsTable extends Stamped, AddressColumns {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  phoneNormalized: string | null;
  companyId: string | null;
  ownerId: string | null;
  source: string | null;
  tags: string;
  customFields: string;
  externalId: string | null;
  lastActivityAt: string | null;
}

export type CustomFieldEntity = 'contact' | 'company' | 'deal';
export type CustomFieldType = 'text' | 'number' | 'money' | 'date' | 'datetime' | 'boolean' | 'select' | 'multiselect';

export interface CustomFieldsTable extends Stamped {
  id: string;
  entity: CustomFieldEntity;
  key: string;
  label: string;
  type: CustomFieldType;
  /** JSON array of option strings (select, multiselect) */
  options: string;
  required: number;
  position: number;
}

export type ActivityType = 'note' | 'call' | 'email' | 'meeting';

export interface ActivitiesTable extends Stamped {
  id: string;
  type: ActivityType;
  contactId: string | null;
  companyId: string | null;
  dealId: string | null;
  userId: string | null;
  body: string;
  occurredAt: string;
  direction: 'inbound' | 'outbound' | null;
  durationSec: number | null;
}

export interface RecordChangesTable {
  id: string;
  entityType: string;
  entityId: string;
  userId: string | null;
  action: string;
  /** JSON array of {field, from, to} */
  changes: string;
  at: string;
}

export interface SavedViewsTable extends Stamped {
  id: string;
  userId: string;
  entity: string;
  name: string;
  /** JSON object of list query parameters */
  query: string;
}

export interface SearchDocsTable {
  id: number;
  kind: string;
  refId: string;
}

export type ImportStatus = 'queued' | 'running' | 'done' | 'failed';

export interface ImportsTable extends Stamped {
  id: string;
  userId: string;
  entity: string;
  mode: 'create' | 'upsert';
  dryRun: number;
  status: ImportStatus;
  fileName: string;
  fileKind: 'csv' | 'xlsx';
  /** Generated name of the upload under <dataDir>/imports; null once processed */
  storageName: string | null;
  /** JSON object: file column header → field */
  mapping: string;
  /** JSON array of the file's column headers */
  headers: string;
  /** JSON snapshot of the actor the import runs as */
  actor: string;
  total: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  companiesCreated: number;
  message: string | null;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface ImportErrorsTable {
  importId: string;
  row: number;
  message: string;
  /** JSON array of the row's original cell values */
  values: string;
}

export interface PipelinesTable extends Stamped {
  id: string;
  name: string;
  isDefault: number;
  position: number;
  templateKey: string | null;
}

export type StageKind = 'open' | 'won' | 'lost';

export interface StagesTable extends Stamped {
  id: string;
  pipelineId: string;
  /** Built-in stages carry a key so the UI can show their name in the user's language. */
  key: string | null;
  name: string;
  position: number;
  probability: number;
  kind: StageKind;
  timeLimitDays: number | null;
  /** JSON array of deal field names a deal needs before it may enter */
  requiredFields: string;
}

export interface LostReasonsTable extends Stamped {
  id: string;
  name: string;
  position: number;
  active: number;
}

export type DealStatus = 'open' | 'won' | 'lost';

export interface DealsTable extends Stamped {
  id: string;
  title: string;
  pipelineId: string;
  stageId: string;
  contactId: string | null;
  companyId: string | null;
  ownerId: string | null;
  amountCents: number;
  currency: string;
  taxRate: number;
  taxCents: number;
  grossCents: number;
  hasLineItems: number;
  paidCents: number;
  paidAt: string | null;
  expectedCloseDate: string | null;
  status: DealStatus;
  lostReason: string | null;
  closedAt: string | null;
  stageEnteredAt: string;
  source: string | null;
  tags: string;
  customFields: string;
  externalId: string | null;
}

export interface DealStageHistoryTable {
  id: string;
  dealId: string;
  pipelineId: string;
  fromStageId: string | null;
  toStageId: string;
  userId: string | null;
  at: string;
  secondsInPrevious: number | null;
}

export interface ProductsTable extends Stamped {
  id: string;
  name: string;
  sku: string | null;
  unit: string;
  unitPriceCents: number;
  taxRate: number;
  description: string | null;
  active: number;
}

export interface LineItemsTable extends Stamped {
  id: string;
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

export interface PaymentsTable extends Stamped {
  id: string;
  dealId: string;
  amountCents: number;
  paidAt: string;
  method: string | null;
  note: string | null;
  userId: string | null;
}

export interface TaskTypesTable extends Stamped {
  key: string;
  nameDe: string;
  nameEn: string;
  reminderMinutes: number | null;
  slaMinutes: number | null;
  position: number;
  builtin: number;
}

export type TaskStatus = 'open' | 'done' | 'canceled';

export interface TasksTable extends Stamped {
  id: string;
  title: string;
  type: string;
  description: string | null;
  dueAt: string | null;
  reminderMinutes: number | null;
  assigneeId: string | null;
  contactId: string | null;
  companyId: string | null;
  dealId: string | null;
  status: TaskStatus;
  completedAt: string | null;
  completedBy: string | null;
  completionNote: string | null;
  escalatedAt: string | null;
  remindedAt: string | null;
  createdBy: string | null;
  /** What created it: null (a person) or e.g. workflow:<id> */
  origin: string | null;
}

export interface TaskCommentsTable {
  id: string;
  taskId: string;
  userId: string | null;
  body: string;
  createdAt: string;
}

export interface NotificationsTable {
  id: string;
  userId: string;
  kind: string;
  title: string;
  body: string;
  entityType: string | null;
  entityId: string | null;
  readAt: string | null;
  createdAt: string;
  /** A system message (server/modules/notifications/messages.ts), rendered in the reader's language; null: title/body as written. */
  messageKey: string | null;
  /** JSON parameters of messageKey. */
  messageParams: string | null;
}

export interface ScheduledJobsTable {
  id: string;
  kind: string;
  slotKey: string;
  dueAt: string;
  payload: string;
  status: 'pending' | 'done' | 'failed' | 'canceled';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  doneAt: string | null;
}

export interface MailOutboxTable {
  id: string;
  toAddress: string;
  subject: string;
  text: string;
  html: string | null;
  /** JSON array of {filename, contentType, path | documentId} */
  attachments: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface CalendarTokensTable {
  userId: string;
  tokenHash: string;
  createdAt: string;
}

export interface DocumentTemplatesTable extends Stamped {
  id: string;
  name: string;
  kind: string;
  locale: Locale;
  source: string;
  isDefault: number;
  builtinKey: string | null;
  active: number;
}

export interface DocumentTemplateVersionsTable {
  templateId: string;
  version: number;
  source: string;
  userId: string | null;
  createdAt: string;
}

export interface NumberSequencesTable {
  series: string;
  year: number;
  last: number;
}

export interface DocumentsTable extends Stamped {
  id: string;
  kind: string;
  number: string;
  title: string;
  locale: Locale;
  dealId: string | null;
  contactId: string | null;
  companyId: string | null;
  templateId: string | null;
  templateVersion: number;
  /** JSON: the immutable data the document was made from */
  data: string;
  /** generated storage name under <dataDir>/documents */
  file: string;
  sha256: string;
  size: number;
  netCents: number;
  grossCents: number;
  currency: string;
  status: 'issued' | 'canceled';
  correctsId: string | null;
  sentAt: string | null;
  userId: string | null;
}

export interface WorkflowsTable extends Stamped {
  id: string;
  name: string;
  description: string | null;
  enabled: number;
  /** JSON {trigger, conditions, steps} of the current version */
  definition: string;
  definitionVersion: number;
  triggerType: string;
  templateKey: string | null;
  /** HMAC key that signs this workflow's webhook calls (migrations/20261128210000_automation_triggers.ts) */
  webhookSecret: string | null;
}

export interface WorkflowVersionsTable {
  workflowId: string;
  version: number;
  definition: string;
  createdAt: string;
}

export type RunStatus = 'running' | 'waiting' | 'done' | 'failed' | 'canceled';

export interface WorkflowRunsTable {
  id: string;
  workflowId: string;
  workflowVersion: number;
  status: RunStatus;
  /** JSON: the event that started it */
  trigger: string;
  entityType: string | null;
  entityId: string | null;
  dealId: string | null;
  /** JSON path of the next step, e.g. [2] or [3,"then",0] */
  cursor: string;
  vars: string;
  depth: number;
  error: string | null;
  waitUntil: string | null;
  startedAt: string;
  finishedAt: string | null;
  updatedAt: string;
}

export interface WorkflowRunStepsTable {
  id: string;
  runId: string;
  path: string;
  type: string;
  status: string;
  output: string | null;
  error: string | null;
  at: string;
}

export interface FormsTable extends Stamped {
  id: string;
  key: string;
  name: string;
  pipelineId: string | null;
  stageId: string | null;
  /** JSON {type:'user',userId} | {type:'team',teamId} (round robin) | {type:'least_busy',teamId} */
  ownerRule: string;
  /** JSON [{name,label,type,required,mapTo}] */
  fields: string;
  allowedOrigins: string;
  honeypot: string;
  successMessage: string | null;
  redirectUrl: string | null;
  enabled: number;
  lastAssigneeId: string | null;
}

export interface FormSubmissionsTable {
  id: string;
  formId: string;
  contactId: string | null;
  dealId: string | null;
  payload: string;
  origin: string | null;
  ip: string | null;
  spam: number;
  createdAt: string;
}

export interface DB {
  teams: TeamsTable;
  users: UsersTable;
  sessions: SessionsTable;
  apiKeys: ApiKeysTable;
  settings: SettingsTable;
  companies: CompaniesTable;
  contacts: ContactsTable;
  customFields: CustomFieldsTable;
  activities: ActivitiesTable;
  recordChanges: RecordChangesTable;
  savedViews: SavedViewsTable;
  searchDocs: SearchDocsTable;
  pipelines: PipelinesTable;
  stages: StagesTable;
  lostReasons: LostReasonsTable;
  deals: DealsTable;
  dealStageHistory: DealStageHistoryTable;
  products: ProductsTable;
  lineItems: LineItemsTable;
  payments: PaymentsTable;
  taskTypes: TaskTypesTable;
  tasks: TasksTable;
  taskComments: TaskCommentsTable;
  notifications: NotificationsTable;
  scheduledJobs: ScheduledJobsTable;
  mailOutbox: MailOutboxTable;
  calendarTokens: CalendarTokensTable;
  documentTemplates: DocumentTemplatesTable;
  documentTemplateVersions: DocumentTemplateVersionsTable;
  numberSequences: NumberSequencesTable;
  documents: DocumentsTable;
  workflows: WorkflowsTable;
  workflowVersions: WorkflowVersionsTable;
  workflowRuns: WorkflowRunsTable;
  workflowRunSteps: WorkflowRunStepsTable;
  forms: FormsTable;
  formSubmissions: FormSubmissionsTable;
  imports: ImportsTable;
  importErrors: ImportErrorsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type TeamRow = Selectable<TeamsTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type SessionRow = Selectable<SessionsTable>;
export type CompanyRow = Selectable<CompaniesTable>;
export type ContactRow = Selectable<ContactsTable>;
export type CustomFieldRow = Selectable<CustomFieldsTable>;
export type ActivityRow = Selectable<ActivitiesTable>;
export type PipelineRow = Selectable<PipelinesTable>;
export type StageRow = Selectable<StagesTable>;
export type DealRow = Selectable<DealsTable>;
export type ProductRow = Selectable<ProductsTable>;
export type LineItemRow = Selectable<LineItemsTable>;
export type PaymentRow = Selectable<PaymentsTable>;
export type TaskRow = Selectable<TasksTable>;
export type TaskTypeRow = Selectable<TaskTypesTable>;
export type NotificationRow = Selectable<NotificationsTable>;
export type ScheduledJobRow = Selectable<ScheduledJobsTable>;
export type DocumentRow = Selectable<DocumentsTable>;
export type DocumentTemplateRow = Selectable<DocumentTemplatesTable>;
export type WorkflowRow = Selectable<WorkflowsTable>;
export type WorkflowRunRow = Selectable<WorkflowRunsTable>;
export type FormRow = Selectable<FormsTable>;

// Reports (migrations/20261128200000_reports.ts); merged into DB above.
export interface SalesTargetsTable extends Stamped {
  userId: string;
  /** YYYY-MM */
  month: string;
  amountCents: number;
}

/** One row per deal for the lead reports, kept by triggers. */
export interface ReportLeadsTable {
  dealId: string;
  contactId: string | null;
  ownerId: string | null;
  pipelineId: string;
  status: DealStatus;
  amountCents: number;
  /** the deal's source, else its contact's */
  source: string | null;
  createdAt: string;
  /** first call or e-mail, or first completed task, on the deal or its contact after creation */
  firstContactAt: string | null;
  responseSeconds: number | null;
}

/** One row per stage change for the funnel and time in stage, kept by triggers. */
export interface ReportStageEventsTable {
  historyId: string;
  dealId: string;
  ownerId: string | null;
  pipelineId: string;
  stageId: string;
  fromStageId: string | null;
  position: number;
  at: string;
  secondsInPrevious: number | null;
  firstEntry: number;
  advanced: number;
}

export interface DB {
  salesTargets: SalesTargetsTable;
  reportLeads: ReportLeadsTable;
  reportStageEvents: ReportStageEventsTable;
}
