/** Contract methods for full-text search across sources, highlights, claims, entities and dossiers. */
import { z } from 'zod';
import { method } from './define';
import { empty, id, partialDate } from './schemas';
import { SEARCH_KINDS, type SearchHit } from '../search/types';

export interface SearchReply {
  hits: SearchHit[];
  /** False while the index is still being built in the background (results may be partial). */
  complete: boolean;
}

export const searchApi = {
  'search.query': method<SearchReply>()({
    request: z.object({
      q: z.string().trim().min(1).max(500),
      kinds: z.array(z.enum(SEARCH_KINDS)).max(5).optional(),
      tagIds: z.array(id).max(50).optional(),
      entityIds: z.array(id).max(50).optional(),
      sourceIds: z.array(id).max(50).optional(),
      dateFrom: partialDate.optional(),
      dateTo: partialDate.optional(),
      limit: z.number().int().min(1).max(200).optional(),
    }).strict(),
  }),
  'search.status': method<{ ready: boolean; progress: number; records: number }>()({ request: empty }),
};
