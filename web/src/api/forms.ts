import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchAll } from './client.ts';

/* Web forms (admin): the public intake's forms and their embed snippet (server/modules/forms). */

export type FormFieldType = 'text' | 'email' | 'tel' | 'textarea' | 'number' | 'date';
export interface FormField {
  name: string;
  label: string;
  type: FormFieldType;
  required?: boolean;
  /** contact.firstName … contact.city, company.name, note or deal.customFields.<key>; default by name */
  mapTo?: string;
}
/** As sent: only the name is needed; the server fills label and type from it (Vorname, E-Mail → email …). */
export type FormFieldInput = Omit<FormField, 'label' | 'type'> & Partial<Pick<FormField, 'label' | 'type'>>;
export type OwnerRule = { type: 'user'; userId: string } | { type: 'team'; teamId: string };

export interface WebForm {
  id: string;
  key: string;
  name: string;
  pipelineId: string | null;
  stageId: string | null;
  ownerRule: OwnerRule;
  fields: FormField[];
  allowedOrigins: string[];
  honeypot: string;
  successMessage: string | null;
  redirectUrl: string | null;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface WebFormInput {
  key: string;
  name: string;
  pipelineId?: string | null;
  stageId?: string | null;
  /** Default on create: the admin creating the form owns its leads. */
  ownerRule?: OwnerRule;
  fields: FormFieldInput[];
  allowedOrigins?: string[];
  successMessage?: string | null;
  redirectUrl?: string | null;
  enabled?: boolean;
}

export const formsKey = ['forms'] as const;
const path = (id: string) => `/forms/${encodeURIComponent(id)}`;

export function useWebForms() {
  return useQuery({
    queryKey: formsKey,
    queryFn: ({ signal }) => fetchAll<WebForm>('/forms', {}, signal),
  });
}

export function useWebForm(id: string | null) {
  return useQuery({
    queryKey: [...formsKey, 'detail', id],
    queryFn: ({ signal }) => api.get<WebForm>(path(id ?? ''), { signal }),
    enabled: id !== null,
  });
}

/** The HTML (with a small script) to paste into the website, and the plain POST address. */
export function useFormEmbed(id: string | null) {
  return useQuery({
    queryKey: [...formsKey, 'embed', id],
    queryFn: ({ signal }) => api.get<{ html: string; action: string }>(`${path(id ?? '')}/embed`, { signal }),
    enabled: id !== null,
  });
}

export function useCreateWebForm() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: WebFormInput) => api.post<WebForm>('/forms', input),
    onSuccess: () => void qc.invalidateQueries({ queryKey: formsKey }),
  });
}

export function useUpdateWebForm() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: Partial<Omit<WebFormInput, 'key'>> }) =>
      api.patch<WebForm>(path(id), changes),
    onSuccess: () => void qc.invalidateQueries({ queryKey: formsKey }),
  });
}
