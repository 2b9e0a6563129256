/** Small wording helpers every screen uses: counted nouns and a medium date with time. */

/** "1 source", "3 sources"; `many` for irregular plurals ("hypotheses"). */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** An ISO time as the analyst's locale writes a medium date and a short time. */
export const dateTime = (iso: string): string => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
