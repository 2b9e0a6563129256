/** The five highlight colours as a radio-like row of swatches. */
import { CheckIcon, ColorSwatch, Group, Tooltip } from '@mantine/core';
import { HIGHLIGHT_COLORS, HIGHLIGHT_LABEL, HIGHLIGHT_SWATCH, type HighlightColor } from '../../common/lib/highlightColors';

export function HighlightColorPicker({ value, onChange }: { value: HighlightColor; onChange: (c: HighlightColor) => void }) {
  return (
    <Group gap={8} role="radiogroup" aria-label="Highlight colour">
      {HIGHLIGHT_COLORS.map((color) => (
        <Tooltip key={color} label={HIGHLIGHT_LABEL[color]}>
          <ColorSwatch
            component="button" type="button" color={HIGHLIGHT_SWATCH[color]} size={26}
            role="radio" aria-checked={color === value} aria-label={HIGHLIGHT_LABEL[color]}
            style={{ cursor: 'pointer', border: 0, color: '#1a1b1e' }}
            data-testid={`panel-color-${color}`}
            onClick={() => color !== value && onChange(color)}
          >
            {color === value && <CheckIcon width={12} height={12} />}
          </ColorSwatch>
        </Tooltip>
      ))}
    </Group>
  );
}
