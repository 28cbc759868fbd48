import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type {
  CreateDocumentSchema,
  CreateTemplateSchema,
  DocumentSchema,
  SendDocumentSchema,
  TemplateSchema,
  UpdateTemplateSchema,
} from '../../../server/modules/documents/documents.schemas.ts';
import { ApiError, api, fetchAll } from './client.ts';

export type DocumentRecord = Static<typeof DocumentSchema>;
export type CreateDocument = Static<typeof CreateDocumentSchema>;
export type SendDocument = Static<typeof SendDocumentSchema>;
export type DocumentTemplate = Static<typeof TemplateSchema>;
export type CreateTemplate = Static<typeof CreateTemplateSchema>;
export type UpdateTemplate = Static<typeof UpdateTemplateSchema>;
export type DocumentLocale = DocumentTemplate['locale'];
export interface TemplateVersion {
  version: number;
  source: string;
  userId: string | null;
  createdAt: string;
}

/** The kinds a template can have, in the order lists show them; cancellations use the invoice template. */
export const TEMPLATE_KINDS = ['offer', 'order-confirmation', 'invoice', 'delivery-note', 'credit-note'] as const;

export const documentsKey = ['documents'] as const;
export const templatesKey = ['document-templates'] as const;
const logoKey = ['settings', 'company', 'logo'] as const;

const enc = encodeURIComponent;

export function useDealDocuments(dealId: string) {
  return useQuery({
    queryKey: [...documentsKey, 'deal', dealId],
    queryFn: ({ signal }) => fetchAll<DocumentRecord>(`/deals/${enc(dealId)}/documents`, {}, signal),
  });
}

export function useContactDocuments(contactId: string) {
  return useQuery({
    queryKey: [...documentsKey, 'contact', contactId],
    queryFn: ({ signal }) => fetchAll<DocumentRecord>(`/contacts/${enc(contactId)}/documents`, {}, signal),
  });
}

/** Same-origin link to the stored PDF: the session cookie authorises it; inline opens it in the browser's viewer. */
export function documentPdfUrl(id: string, inline = false): string {
  return `/api/v1/documents/${enc(id)}/pdf${inline ? '?inline=true' : ''}`;
}

/** Issuing, sending and cancelling change the deal's documents and both timelines. */
function useDocumentsRefresh() {
  const qc = useQueryClient();
  return (doc: DocumentRecord) =>
    Promise.all([
      qc.invalidateQueries({ queryKey: documentsKey }),
      doc.dealId ? qc.invalidateQueries({ queryKey: ['timeline', 'deal', doc.dealId] }) : undefined,
      doc.contactId ? qc.invalidateQueries({ queryKey: ['timeline', 'contact', doc.contactId] }) : undefined,
    ]);
}

export function useCreateDocument(dealId: string) {
  const refresh = useDocumentsRefresh();
  return useMutation({
    mutationFn: (input: CreateDocument) => api.post<DocumentRecord>(`/deals/${enc(dealId)}/documents`, input),
    onSuccess: refresh,
  });
}

export function useSendDocument() {
  const refresh = useDocumentsRefresh();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: SendDocument }) =>
      api.post<DocumentRecord>(`/documents/${enc(id)}/send`, input),
    onSuccess: refresh,
  });
}

/** Cancels an invoice; the answer is the new cancellation invoice. */
export function useCancelDocument() {
  const refresh = useDocumentsRefresh();
  return useMutation({
    mutationFn: (id: string) => api.post<DocumentRecord>(`/documents/${enc(id)}/cancel`, {}),
    onSuccess: refresh,
  });
}

export function useTemplates() {
  return useQuery({
    queryKey: templatesKey,
    queryFn: ({ signal }) => fetchAll<DocumentTemplate>('/document-templates', {}, signal),
  });
}

export function useTemplate(id: string) {
  return useQuery({
    queryKey: [...templatesKey, 'detail', id],
    queryFn: ({ signal }) => api.get<DocumentTemplate>(`/document-templates/${enc(id)}`, { signal }),
  });
}

export function useTemplateVersions(id: string) {
  return useQuery({
    queryKey: [...templatesKey, 'versions', id],
    queryFn: ({ signal }) => fetchAll<TemplateVersion>(`/document-templates/${enc(id)}/versions`, {}, signal),
  });
}

export function useCreateTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateTemplate) => api.post<DocumentTemplate>('/document-templates', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: templatesKey }),
  });
}

/** Saves a template as a new version, guarded by the version the editor started from. */
export function useUpdateTemplate(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ version, changes }: { version: number; changes: UpdateTemplate }) =>
      api.patch<DocumentTemplate>(`/document-templates/${enc(id)}`, changes, { ifMatch: version }),
    onSuccess: (template) => {
      qc.setQueryData([...templatesKey, 'detail', id], template);
      return qc.invalidateQueries({ queryKey: templatesKey });
    },
  });
}

/**
 * The live preview: the source rendered on sample data, as a PDF Blob. A template error is a 422 whose
 * field error names the line; the previous PDF stays on screen meanwhile.
 */
export function useTemplatePreview(input: { source: string; kind: string; locale: DocumentLocale }, enabled: boolean) {
  return useQuery({
    queryKey: [...templatesKey, 'preview', input],
    queryFn: ({ signal }) => api.post<Blob>('/document-templates/preview', input, { signal, blob: true }),
    enabled: enabled && input.source.trim() !== '',
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 30_000,
  });
}

/** The uploaded company logo as a Blob, or null when there is none. */
export function useCompanyLogo() {
  return useQuery({
    queryKey: logoKey,
    queryFn: async ({ signal }) => {
      try {
        return await api.get<Blob>('/settings/company/logo', { signal, blob: true });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

export function useLogoMutations() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: logoKey });
  return {
    upload: useMutation({
      mutationFn: (file: File) => {
        const form = new FormData();
        form.append('file', file);
        return api.post<void>('/settings/company/logo', form);
      },
      onSuccess: refresh,
    }),
    remove: useMutation({ mutationFn: () => api.delete('/settings/company/logo'), onSuccess: refresh }),
  };
}
