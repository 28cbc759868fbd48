import { useEffect, useRef } from 'react';

/**
 * The app's one live connection to the server: GET /api/v1/events (Server-Sent Events, cookie session).
 * Features subscribe by event type; the EventSource opens with the first subscriber and closes after the
 * last one left. The browser reconnects by itself after a dropped connection; when it gives up (an error
 * answer such as 401) we try again with a growing pause. After every reconnect the `onReconnect`
 * handlers run, so features can refetch what they missed meanwhile.
 */

/** The event types the server sends (server/core/events.ts); a type missing here is not listened to. */
export const SERVER_EVENT_TYPES = [
  'contact.created',
  'contact.updated',
  'contact.deleted',
  'company.created',
  'company.updated',
  'company.deleted',
  'activity.created',
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
  'task.escalated',
  'notification.created',
  'document.created',
  'form.submitted',
  'mail.queued',
] as const;

export type ServerEventType = (typeof SERVER_EVENT_TYPES)[number];

/** One message of the stream, as the server writes it in `data:`. */
export interface ServerEvent<D = Record<string, unknown>> {
  type: ServerEventType;
  entityType: string;
  entityId: string;
  actorId: string | null;
  at: string;
  data: D;
}

type Handler = (event: ServerEvent) => void;

const URL = '/api/v1/events';
const MIN_RETRY_MS = 1_000;
const MAX_RETRY_MS = 60_000;

const handlers = new Map<ServerEventType | '*', Set<Handler>>();
const reconnectHandlers = new Set<() => void>();
let subscribers = 0;
let source: EventSource | null = null;
let connectedOnce = false;
let retryMs = MIN_RETRY_MS;
let retryTimer: ReturnType<typeof setTimeout> | undefined;

function dispatch(type: ServerEventType, message: MessageEvent<string>): void {
  let event: ServerEvent;
  try {
    event = JSON.parse(message.data) as ServerEvent;
  } catch {
    return;
  }
  for (const handler of [...(handlers.get(type) ?? []), ...(handlers.get('*') ?? [])]) {
    try {
      handler(event);
    } catch (error) {
      console.warn('server event handler failed', type, error);
    }
  }
}

function open(): void {
  if (source || typeof EventSource === 'undefined') return;
  const es = new EventSource(URL);
  source = es;
  for (const type of SERVER_EVENT_TYPES) es.addEventListener(type, (message) => dispatch(type, message as MessageEvent<string>));
  es.onopen = () => {
    retryMs = MIN_RETRY_MS;
    if (connectedOnce) for (const handler of reconnectHandlers) handler();
    connectedOnce = true;
  };
  es.onerror = () => {
    // CONNECTING: the browser retries on its own. CLOSED: it gave up; we try again later.
    if (es.readyState !== EventSource.CLOSED) return;
    es.close();
    if (source === es) source = null;
    if (subscribers > 0 && retryTimer === undefined) {
      retryTimer = setTimeout(() => {
        retryTimer = undefined;
        if (subscribers > 0) open();
      }, retryMs);
      retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
    }
  };
}

function close(): void {
  clearTimeout(retryTimer);
  retryTimer = undefined;
  source?.close();
  source = null;
  connectedOnce = false;
  retryMs = MIN_RETRY_MS;
}

function retain(): () => void {
  subscribers += 1;
  open();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    subscribers -= 1;
    // Checked after the current commit: a component that unmounts and mounts again (StrictMode) keeps the
    // connection; after logout (the layout with the bell unmounts) it closes at once.
    if (subscribers === 0) queueMicrotask(() => subscribers === 0 && close());
  };
}

/** Calls `handler` for every event of `type` ('*': every event); answers the unsubscribe function. */
export function subscribe(type: ServerEventType | '*', handler: Handler): () => void {
  const set = handlers.get(type) ?? new Set<Handler>();
  set.add(handler);
  handlers.set(type, set);
  const release = retain();
  return () => {
    set.delete(handler);
    release();
  };
}

/** Calls `handler` after the connection came back (events may have been missed meanwhile). */
export function onReconnect(handler: () => void): () => void {
  reconnectHandlers.add(handler);
  const release = retain();
  return () => {
    reconnectHandlers.delete(handler);
    release();
  };
}

/**
 * Subscribes a component to server events of the given types while it is mounted; `handler` may change
 * on every render. `onReconnected` runs after the connection came back.
 */
export function useServerEvents(
  types: readonly (ServerEventType | '*')[],
  handler: (event: ServerEvent) => void,
  onReconnected?: () => void,
): void {
  const handlerRef = useRef(handler);
  const reconnectRef = useRef(onReconnected);
  handlerRef.current = handler;
  reconnectRef.current = onReconnected;
  const key = types.join(',');

  useEffect(() => {
    const offs = key
      .split(',')
      .filter(Boolean)
      .map((type) => subscribe(type as ServerEventType | '*', (event) => handlerRef.current(event)));
    offs.push(onReconnect(() => reconnectRef.current?.()));
    return () => {
      for (const off of offs) off();
    };
  }, [key]);
}
