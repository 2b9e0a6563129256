import { describe, expect, it } from 'vitest';
import { diffRuns } from './diffRuns';

describe('diffRuns', () => {
  it('keeps inserted, deleted and equal text in order and drops empty runs', () => {
    expect(diffRuns([
      { op: 'equal', text: 'The minister ' }, { op: 'delete', text: 'denied' }, { op: 'insert', text: 'confirmed' },
      { op: 'equal', text: '' }, { op: 'insert', text: '' },
    ])).toEqual([
      { kind: 'equal', text: 'The minister ' }, { kind: 'delete', text: 'denied' }, { kind: 'insert', text: 'confirmed' },
    ]);
  });

  it('puts the elision marker where the service’s elided part stands, between the kept context', () => {
    expect(diffRuns([
      { op: 'equal', text: 'end of one… ' }, { op: 'equal', text: '', elided: 500 }, { op: 'equal', text: 'Start of next' },
      { op: 'insert', text: 'new' },
    ])).toEqual([
      { kind: 'equal', text: 'end of one… ' }, { kind: 'elided', chars: 500 }, { kind: 'equal', text: 'Start of next' },
      { kind: 'insert', text: 'new' },
    ]);
  });

  it('shows text an elided part carries before its marker', () => {
    expect(diffRuns([{ op: 'equal', text: 'kept', elided: 7 }])).toEqual([{ kind: 'equal', text: 'kept' }, { kind: 'elided', chars: 7 }]);
  });
});
