/** Zod building blocks shared by the contract's method groups. */
import { z } from 'zod';

export const id = z.string().min(1).max(200);
export const text = (max: number) => z.string().max(max);
/** A partial date: YYYY, YYYY-MM or YYYY-MM-DD, or '' for unknown. */
export const partialDate = z.union([z.literal(''), z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD')]);
export const empty = z.object({}).strict();
