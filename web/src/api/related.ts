import { useQuery } from '@tanstack/react-query';
import { api, type Page } from './client.ts';
import type { CustomerEntity, Deal, Task } from './types.ts';

const filterOf = (entity: CustomerEntity) => (entity === 'contact' ? 'contactId' : 'companyId');

/** The newest deals of a contact or company, for its card. */
export function useRelatedDeals(entity: CustomerEntity, id: string) {
  return useQuery({
    queryKey: ['deals', 'related', entity, id],
    queryFn: ({ signal }) =>
      api.get<Page<Deal>>('/deals', { query: { [filterOf(entity)]: id, sort: '-createdAt', limit: 20 }, signal }),
  });
}

/** The open tasks about a contact or company, soonest due first, for its card. */
export function useRelatedTasks(entity: CustomerEntity, id: string) {
  return useQuery({
    queryKey: ['tasks', 'related', entity, id],
    queryFn: ({ signal }) =>
      api.get<Page<Task>>('/tasks', {
        query: { [filterOf(entity)]: id, status: 'open', sort: 'dueAt', limit: 20 },
        signal,
      }),
  });
}
