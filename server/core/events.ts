import type { Logger } from 'pino';

export type EntityType = 'contact' | 'company' | 'deal' | 'activity' | 'task' | 'notification' | 'document' | 'user' | 'mail';

/** Every event Kontor emits; later modules (automation, reports, real time) subscribe to these. */
export type EventType =
  | 'contact.created'
  | 'contact.updated'
  | 'contact.deleted'
  | 'company.created'
  | 'company.updated'
  | 'company.deleted'
  | 'activity.created'
  | 'deal.created'
  | 'deal.updated'
  | 'deal.deleted'
  | 'deal.stage_changed'
  | 'deal.won'
  | 'deal.lost'
  | 'deal.paid'
  | 'task.created'
  | 'task.updated'
  | 'task.completed'
  | 'task.deleted'
  | 'task.escalated'
  | 'notification.created'
  | 'document.created'
  | 'form.submitted'
  | 'mail.queued';

export interface DomainEvent {
  type: EventType;
  entityType: EntityType;
  entityId: string;
  /** Who caused it; null for the system (scheduler, public form). */
  actorId: string | null;
  at: string;
  data?: Record<string, unknown>;
  /** The slot key of the scheduler job that journals this event for automation (see publish()). */
  journal?: string;
}

/** A change made by a workflow run: events it causes carry it, so chains of runs stop at a depth limit. */
export interface Cause {
  runId: string;
  depth: number;
}

/**
 * The events automation may react to (record triggers, date triggers, deal/task/form triggers). They are
 * journaled in the transaction that made the change, so no workflow start is lost to a crash after commit.
 */
export const AUTOMATION_EVENTS: ReadonlySet<EventType> = new Set<EventType>([
  'contact.created',
  'contact.updated',
  'contact.deleted',
  'company.created',
  'company.updated',
  'company.deleted',
  'deal.created',
  'deal.updated',
  'deal.deleted',
  'deal.stage_changed',
  'deal.won',
  'deal.lost',
  'deal.paid',
  'task.created',
  'task.updated',
  'task.completed',
  'task.deleted',
  'form.submitted',
]);

type Handler = (event: DomainEvent) => void | Promise<void>;

/**
 * A small in-process event bus. Services emit after their transaction committed, so a handler never
 * sees a change that could still roll back; handlers run later on the event loop and a failing one is
 * logged without affecting the request or the other handlers.
 */
export class EventBus {
  readonly #handlers = new Map<EventType | '*', Set<Handler>>();
  readonly #pending = new Set<Promise<void>>();

  constructor(private readonly log?: Logger) {}

  on(type: EventType | '*', handler: Handler): () => void {
    const set = this.#handlers.get(type) ?? new Set();
    set.add(handler);
    this.#handlers.set(type, set);
    return () => set.delete(handler);
  }

  emit(event: DomainEvent): void {
    const handlers = [...(this.#handlers.get(event.type) ?? []), ...(this.#handlers.get('*') ?? [])];
    for (const handler of handlers) {
      const run = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => handler(event))
        .catch((err) => this.log?.error({ err, event: event.type, entityId: event.entityId }, 'event handler failed'))
        .finally(() => this.#pending.delete(run));
      this.#pending.add(run);
    }
  }

  /** Resolves when every handler started so far has finished (tests and shutdown). */
  async drain(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }
}
