import { DEFAULT_THEME, mergeMantineTheme } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { contrast } from './features/common/lib/contrast';
import { theme } from './theme';
import { contrastVariablesResolver } from './themeColors';

const full = mergeMantineTheme(DEFAULT_THEME, theme);
const vars = contrastVariablesResolver(full);

describe('theme colours reach WCAG AA (4.5:1)', () => {
  it('form error text, on the light and the dark backgrounds text sits on', () => {
    const lightError = vars.light['--mantine-color-error']!;
    const darkError = vars.dark['--mantine-color-error']!;
    for (const ground of ['#ffffff', full.colors.gray[0], full.colors.gray[1]]) expect(contrast(lightError, ground)).toBeGreaterThanOrEqual(4.5);
    for (const ground of [full.colors.dark[7], full.colors.dark[6], full.colors.dark[8]]) expect(contrast(darkError, ground)).toBeGreaterThanOrEqual(4.5);
  });
});
