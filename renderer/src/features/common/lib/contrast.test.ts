/** The WCAG contrast helpers against the figures axe-core reports. */
import { describe, expect, it } from 'vitest';
import { contrast, firstReadableShade } from './contrast';

describe('contrast', () => {
  it('matches the WCAG figures axe reports', () => {
    expect(contrast('#868e96', '#ffffff')).toBeCloseTo(3.32, 2);
    expect(contrast('#ffffff', '#000000')).toBeCloseTo(21, 5);
  });
  it('picks the first shade that is readable on every background', () => {
    const grays = ['#f8f9fa', '#f1f3f5', '#e9ecef', '#dee2e6', '#ced4da', '#adb5bd', '#868e96', '#495057', '#343a40', '#212529'];
    expect(firstReadableShade(grays, 6, 1, ['#ffffff'])).toBe(7);
    expect(firstReadableShade(grays, 0, 1, ['#000000'])).toBe(0);
  });
});
