/** Theme colour variables raised to WCAG AA contrast: dimmed text, filled buttons and badges, light-variant text. */
import {
  defaultCssVariablesResolver, defaultVariantColorsResolver, parseThemeColor,
  type CSSVariablesResolver, type MantineTheme, type VariantColorsResolver,
} from '@mantine/core';
import { contrast, darkenUntilReadable, firstReadableShade, lightenUntilReadable, mixHex } from './features/common/lib/contrast';

const WHITE = '#ffffff';

/**
 * Mantine's defaults put grey 6 for dimmed text (3.3:1 on white), white on shade 6 or 7 of light colours (teal 3.1:1,
 * red 3.8:1) and shade 9 on shade 1 for light badges (teal 4.3:1). Each is replaced by the lightest shade that reaches
 * 4.5:1 (or, where no shade does, shade 9 darkened just enough), so colours stay recognisable.
 */
export const contrastVariablesResolver: CSSVariablesResolver = (theme: MantineTheme) => {
  const base = defaultCssVariablesResolver(theme);
  const light: Record<string, string> = {};
  const dark: Record<string, string> = {};
  const gray = theme.colors.gray;
  const darkShades = theme.colors.dark;
  // Backgrounds text sits on: the body, the reader's grey side panel, hovered rows.
  const lightGrounds = [WHITE, gray[0], gray[1]];
  const darkGrounds = [darkShades[7], darkShades[6], darkShades[8]];
  light['--mantine-color-dimmed'] = gray[firstReadableShade(gray, 6, 1, lightGrounds)]!;
  dark['--mantine-color-dimmed'] = darkShades[firstReadableShade(darkShades, 2, -1, darkGrounds)]!;
  for (const [name, shades] of Object.entries(theme.colors)) {
    if (name === 'dark' || !Array.isArray(shades)) continue;
    const fromLight = typeof theme.primaryShade === 'object' ? theme.primaryShade.light : theme.primaryShade;
    const filled = firstReadableShade(shades, fromLight, 1, [WHITE]);
    const filledHex = darkenUntilReadable(shades[filled]!, [WHITE]);
    light[`--mantine-color-${name}-filled`] = filledHex;
    light[`--mantine-color-${name}-filled-hover`] = darkenUntilReadable(shades[Math.min(filled + 1, 9)]!, [WHITE]);
    light[`--mantine-color-${name}-light-color`] = darkenUntilReadable(shades[9]!, [shades[1]!, shades[2]!, WHITE]);
    // Coloured text (c="teal", anchors) and outline buttons sit on the page background.
    light[`--mantine-color-${name}-text`] = darkenUntilReadable(filledHex, lightGrounds);
    light[`--mantine-color-${name}-outline`] = filledHex;
    const fromDark = typeof theme.primaryShade === 'object' ? theme.primaryShade.dark : theme.primaryShade;
    const darkFilled = darkenUntilReadable(shades[firstReadableShade(shades, fromDark, 1, [WHITE])]!, [WHITE]);
    dark[`--mantine-color-${name}-filled`] = darkFilled;
    dark[`--mantine-color-${name}-filled-hover`] = darkenUntilReadable(darkFilled, [WHITE], 5);
  }
  light['--mantine-color-anchor'] = light[`--mantine-color-${theme.primaryColor}-text`]!;
  light['--mantine-color-error'] = light['--mantine-color-red-text']!;
  light['--mantine-color-placeholder'] = gray[firstReadableShade(gray, 5, 1, lightGrounds)]!;
  dark['--mantine-color-placeholder'] = darkShades[firstReadableShade(darkShades, 3, -1, darkGrounds)]!;
  // Form errors ("A matrix needs a title.") in Mantine's red 8 are 3.4:1 on the dark body: lightened just enough.
  dark['--mantine-color-error'] = lightenUntilReadable(theme.colors.red[6]!, darkGrounds);
  return { variables: base.variables, light: { ...base.light, ...light }, dark: { ...base.dark, ...dark } };
};

const HEX = /^#[0-9a-f]{6}$/i;

/**
 * Badges and buttons in a free colour (a tag's own colour): Mantine writes light-variant text in that colour itself
 * (orange on pale orange is 3.2:1) and white on any filled colour. Text is darkened (light scheme) or lightened (dark
 * scheme) just enough, and a filled colour too light for white text gets black text.
 */
export const contrastVariantResolver: VariantColorsResolver = (input) => {
  const out = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (parsed.isThemeColor || !HEX.test(parsed.value)) return out;
  const hex = parsed.value;
  if (input.variant === 'light') {
    const onLight = darkenUntilReadable(hex, [mixHex(WHITE, hex, 0.15), WHITE]);
    const onDark = lightenUntilReadable(hex, [mixHex(input.theme.colors.dark[7]!, hex, 0.2), input.theme.colors.dark[7]!]);
    return { ...out, color: `light-dark(${onLight}, ${onDark})` };
  }
  if (input.variant === 'filled' && contrast(WHITE, hex) < 4.5) return { ...out, color: contrast('#000000', hex) >= contrast(WHITE, hex) ? '#000000' : WHITE };
  return out;
};
