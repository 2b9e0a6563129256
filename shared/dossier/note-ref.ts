/** The superscript link to an endnote, shared by every HTML block renderer. */
export const noteRef = (n: number | null): string => (n === null ? '' : `<sup class="noteref"><a href="#note-${n}">${n}</a></sup>`);
export const noteRefs = (ns: readonly number[]): string => ns.map(noteRef).join('');
