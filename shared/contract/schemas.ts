/** Zod building blocks shared by the contract's method groups. */
import { z } from 'zod';
import { isQualifiedDate, QUALIFIED_DATE_FORMS } from '../domain/partial-dates';

export const id = z.string().min(1).max(200);
export const text = (max: number) => z.string().max(max);
/** A partial date: YYYY, YYYY-MM or YYYY-MM-DD, or '' for unknown. */
export const partialDate = z.union([z.literal(''), z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD')]);
/** A claim or relationship date: a partial date optionally qualified (<before, >after, ~about), or ''. See shared/domain/partial-dates. */
export const qualifiedDate = z.string().refine(isQualifiedDate, `expected ${QUALIFIED_DATE_FORMS} (e.g. 2024-03, <2019, ~2015)`);
export const empty = z.object({}).strict();
