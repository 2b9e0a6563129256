/** Display colours of the five highlight colours (swatches and marks share these). */
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../../../../shared/domain/types';

export { HIGHLIGHT_COLORS };
export type { HighlightColor };

export const HIGHLIGHT_SWATCH: Record<HighlightColor, string> = {
  yellow: '#fcd34d',
  green: '#86efac',
  blue: '#93c5fd',
  pink: '#f9a8d4',
  orange: '#fdba74',
};

export const HIGHLIGHT_LABEL: Record<HighlightColor, string> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  orange: 'Orange',
};
