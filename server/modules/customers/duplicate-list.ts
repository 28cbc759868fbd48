import { Type } from 'typebox';
import type { ItemListSpec } from '../../http/list.ts';
import type { Duplicate } from '../../http/schemas.ts';

/** The likely duplicates of a contact or company, as a list: by title; `reason` keeps those found for it. */
export const DUPLICATE_LIST: ItemListSpec<Duplicate> = {
  defaultSort: 'title',
  defaultLimit: 200,
  idOf: (d) => d.id,
  sortable: { title: (d) => d.title.toLocaleLowerCase() },
  filters: {
    reason: {
      schema: Type.Union([Type.Literal('email'), Type.Literal('phone'), Type.Literal('name')]),
      matches: (d, value) => d.reasons.includes(value as Duplicate['reasons'][number]),
    },
  },
  search: (d, text) => d.title.toLocaleLowerCase().includes(text.toLocaleLowerCase()),
};
