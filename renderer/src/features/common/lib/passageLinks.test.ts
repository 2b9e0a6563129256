import { describe, expect, it } from 'vitest';
import { formatRoute } from '../../../routes/route';
import { passageRoute, sourceTitles, trimContext } from './passageLinks';

describe('passage links', () => {
  it('opens highlights by id and text mentions by offsets', () => {
    expect(formatRoute(passageRoute({ sourceId: 's1', highlightId: 'h1', start: 3, end: 9 }))).toBe('#/reader/s1?h=h1');
    expect(formatRoute(passageRoute({ sourceId: 's1', highlightId: null, start: 3, end: 9 }))).toBe('#/reader/s1?s=3&e=9');
  });

  it('lists each source title once', () => {
    expect(sourceTitles([
      { sourceId: 'a', sourceTitle: 'A' }, { sourceId: 'b', sourceTitle: '' }, { sourceId: 'a', sourceTitle: 'A' },
    ])).toEqual(['A', 'Untitled']);
  });
});

describe('trimContext', () => {
  it('drops the partial word at the cut end of a full-length context', () => {
    expect(trimContext('ürkiye will continue to support ', 'prefix')).toBe('…will continue to support ');
    expect(trimContext(', which has a deep historical ba', 'suffix')).toBe(', which has a deep historical…');
  });

  it('keeps a short context whole: it reaches the edge of the text', () => {
    expect(trimContext('said ', 'prefix')).toBe('said ');
    expect(trimContext(' in Astana.', 'suffix')).toBe(' in Astana.');
  });
});
