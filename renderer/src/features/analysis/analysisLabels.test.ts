import { describe, expect, it } from 'vitest';
import { gradeColor, gradeMeaning } from './analysisLabels';
import { RELIABILITY_LABEL } from '../common/lib/reliability';

describe('gradeColor', () => {
  it('colours by the worse half of the code', () => {
    expect(gradeColor('A1')).toBe('teal');
    expect(gradeColor('B2')).toBe('green');
    expect(gradeColor('A3')).toBe('yellow');
    expect(gradeColor('C1')).toBe('yellow');
    expect(gradeColor('B4')).toBe('orange');
    expect(gradeColor('E2')).toBe('red');
  });

  it('greys out what cannot be judged and what cannot be read', () => {
    expect(gradeColor('F1')).toBe('gray');
    expect(gradeColor('A6')).toBe('gray');
    expect(gradeColor('G2')).toBe('gray');
    expect(gradeColor('B')).toBe('gray');
    expect(gradeColor('B22')).toBe('gray');
  });
});

describe('gradeMeaning', () => {
  it('spells out both halves', () => {
    const label = (l: string) => RELIABILITY_LABEL[l as keyof typeof RELIABILITY_LABEL];
    expect(gradeMeaning('B2', label)).toBe('Source: usually reliable; information: probably true');
    expect(gradeMeaning('Z9', label)).toBe('Z9');
  });
});
