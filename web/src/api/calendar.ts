import { useMutation } from '@tanstack/react-query';
import { api } from './client.ts';

/** Creates my secret iCalendar feed URL; a new one replaces (and revokes) the previous. */
export function useCreateCalendarToken() {
  return useMutation({ mutationFn: () => api.post<{ url: string }>('/calendar/token') });
}
