/** Contract method for the code co-occurrence table (tags and entities within a highlight, paragraph or source; issue 17). */
import { z } from 'zod';
import { method } from './define';
import { id } from './schemas';
import { COOCCURRENCE_UNITS } from '../domain/analysis/cooccurrence';
import type { CooccurrenceView } from './views-cooccurrence';

const codes = z.enum(['tags', 'entities']);

export const cooccurrenceApi = {
  'analysis.cooccurrence': method<CooccurrenceView>()({
    request: z.object({
      unit: z.enum(COOCCURRENCE_UNITS).default('paragraph'),
      rows: codes.default('tags'),
      columns: codes.default('tags'),
      /** Only these sources; all when absent. */
      sourceIds: z.array(id).max(10_000).optional(),
    }).strict(),
  }),
};
