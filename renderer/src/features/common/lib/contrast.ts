/** WCAG contrast arithmetic for picking theme shades that keep text readable (4.5:1 for body text). */

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const n = Number.parseInt(hex.replace('#', '').slice(0, 6), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The first shade index from `from` (stepping by `step`) that reaches `ratio` against every background; else the last tried. */
export function firstReadableShade(shades: readonly string[], from: number, step: 1 | -1, backgrounds: readonly string[], ratio = 4.5): number {
  let i = from;
  for (; i >= 0 && i < shades.length; i += step) {
    if (backgrounds.every((bg) => contrast(shades[i]!, bg) >= ratio)) return i;
  }
  return Math.min(Math.max(i - step, 0), shades.length - 1);
}

/** Mixes a #rrggbb colour with black by `amount` (0..1). */
function darkenHex(hex: string, amount: number): string {
  const n = Number.parseInt(hex.replace('#', '').slice(0, 6), 16);
  const part = (shift: number) => Math.round(((n >> shift) & 255) * (1 - amount)).toString(16).padStart(2, '0');
  return `#${part(16)}${part(8)}${part(0)}`;
}

/** `hex`, darkened in small steps until it reaches `ratio` against every background. */
export function darkenUntilReadable(hex: string, backgrounds: readonly string[], ratio = 4.5): string {
  let out = hex;
  for (let amount = 0.05; amount < 1 && !backgrounds.every((bg) => contrast(out, bg) >= ratio); amount += 0.05) out = darkenHex(hex, amount);
  return out;
}

/** Mixes two #rrggbb colours: `amount` 0 gives `a`, 1 gives `b`. */
export function mixHex(a: string, b: string, amount: number): string {
  const x = Number.parseInt(a.replace('#', '').slice(0, 6), 16);
  const y = Number.parseInt(b.replace('#', '').slice(0, 6), 16);
  const part = (shift: number) => Math.round(((x >> shift) & 255) * (1 - amount) + ((y >> shift) & 255) * amount).toString(16).padStart(2, '0');
  return `#${part(16)}${part(8)}${part(0)}`;
}

/** `hex` moved towards white in small steps until it reaches `ratio` against every (dark) background. */
export function lightenUntilReadable(hex: string, backgrounds: readonly string[], ratio = 4.5): string {
  let out = hex;
  for (let amount = 0.05; amount < 1 && !backgrounds.every((bg) => contrast(out, bg) >= ratio); amount += 0.05) out = mixHex(hex, '#ffffff', amount);
  return out;
}
