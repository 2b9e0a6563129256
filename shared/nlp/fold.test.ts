/** Tests of foldForMatch's own part: the shared table (tested in shared/text) plus whitespace collapsed and trimmed. */
import { describe, expect, it } from 'vitest';
import { foldForMatch } from './fold';

describe('foldForMatch', () => {
  it('collapses and trims whitespace around the shared letter table', () => {
    expect(foldForMatch('  Kassym-Jomart \n  Tokayev ')).toBe('kassym-jomart tokayev');
    expect(foldForMatch('\u00a0Recep\u2003Tayyip  ERDOĞAN\t')).toBe('recep tayyip erdogan');
  });
  it('gives the same key on its ASCII fast path as on the full path', () => {
    expect(foldForMatch('Don`t Panic')).toBe("don't panic");
    expect(foldForMatch('Don`t  Panic ')).toBe("don't panic");
  });
});
