import type { TFunction } from 'i18next';
import type { DocumentRecord } from '../../api/documents.ts';

const KNOWN_KINDS = ['offer', 'order-confirmation', 'invoice', 'cancellation', 'credit-note', 'delivery-note'] as const;
type KnownKind = (typeof KNOWN_KINDS)[number];

const isKnown = (kind: string): kind is KnownKind => (KNOWN_KINDS as readonly string[]).includes(kind);

/** "Angebot", "Rechnung" …; an unknown kind (added on the server later) shows as it is. */
export function kindLabel(t: TFunction, kind: string): string {
  return isKnown(kind) ? t(`documents.kinds.${kind}`) : kind;
}

export type DocumentState = 'issued' | 'sent' | 'canceled';

/** What the list shows: cancelled wins over sent, sent over issued. */
export function stateOf(doc: DocumentRecord): DocumentState {
  if (doc.status === 'canceled') return 'canceled';
  return doc.sentAt ? 'sent' : 'issued';
}

export const STATE_COLOR: Record<DocumentState, string> = { issued: 'blue', sent: 'teal', canceled: 'gray' };

/** Only an issued invoice is cancelled, by a cancellation invoice. */
export function mayCancel(doc: DocumentRecord): boolean {
  return doc.kind === 'invoice' && doc.status === 'issued';
}
