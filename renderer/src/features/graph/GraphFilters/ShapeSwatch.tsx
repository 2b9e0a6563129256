/** A node shape in its type colour, as drawn on the graph (legend and filters). */
import type { EntityTypeStyle } from '../../common/lib/entityTypes';

const PATHS: Record<EntityTypeStyle['shape'], string> = {
  ellipse: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13z',
  'round-rectangle': 'M4 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2z',
  diamond: 'M8 1l7 7-7 7-7-7z',
  star: 'M8 1l2 4.6 5 .5-3.8 3.3 1.1 4.9L8 11.8 3.7 14.3l1.1-4.9L1 6.1l5-.5z',
  hexagon: 'M4.5 2h7L15 8l-3.5 6h-7L1 8z',
};

export function ShapeSwatch({ style, size = 16 }: { style: EntityTypeStyle; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" style={{ flexShrink: 0 }}>
      <path d={PATHS[style.shape]} fill={style.hex} stroke="white" strokeWidth={0.8} />
    </svg>
  );
}
