/** The co-occurrence table as a heat map: the stronger the pair (count or c-coefficient), the deeper the cell. */
import { Text } from '@mantine/core';
import type { CooccurrenceCellView, CooccurrenceView } from '../../../../../shared/contract/views-cooccurrence';
import classes from './CooccurrenceTable.module.css';

export type Measure = 'count' | 'c';

export interface CooccurrenceTableProps {
  view: CooccurrenceView;
  measure: Measure;
  selected: CooccurrenceCellView | null;
  onSelect: (cell: CooccurrenceCellView) => void;
}

/**
 * The cell's colour: the primary colour mixed into the page's background, 12–100 %. Strong cells get white text
 * (on the full colour), the rest the page's text colour, which reads on the light mix in either scheme.
 */
function heat(share: number): { background: string; color?: string } {
  const pct = Math.round(12 + share * 88);
  return {
    background: `color-mix(in srgb, var(--mantine-primary-color-filled) ${pct}%, transparent)`,
    ...(pct >= 60 ? { color: 'var(--mantine-color-white)' } : {}),
  };
}

export function CooccurrenceTable({ view, measure, selected, onSelect }: CooccurrenceTableProps) {
  const byPair = new Map(view.cells.map((c) => [`${c.row}\u0000${c.column}`, c]));
  const valueOf = (c: CooccurrenceCellView) => (measure === 'count' ? c.count : c.c);
  const max = Math.max(0, ...view.cells.map(valueOf));
  return (
    <div className={classes.wrap}>
      <table className={classes.table} data-testid="cooccurrence-table" data-measure={measure}>
        <thead>
          <tr>
            <th className={classes.corner} scope="col"><Text size="xs" c="dimmed">rows ↓ · columns →</Text></th>
            {view.columns.map((col) => (
              <th key={col.key} className={classes.colHead} scope="col" title={`${col.label} (in ${col.frequency})`}>
                <Text size="xs" lineClamp={3} ta="center">{col.label}</Text>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.rows.map((row) => (
            <tr key={row.key} data-testid="cooccurrence-row" data-code={row.key}>
              <th className={classes.rowHead} scope="row">
                <Text size="sm" truncate title={row.label}>{row.label}</Text>
                <Text size="xs" c="dimmed">in {row.frequency}</Text>
              </th>
              {view.columns.map((col) => {
                if (col.key === row.key) return <td key={col.key} className={`${classes.cell} ${classes.diagonal}`} aria-label="the same code" />;
                const cell = byPair.get(`${row.key}\u0000${col.key}`);
                if (!cell) return <td key={col.key} className={classes.cell}><Text size="xs" c="dimmed">·</Text></td>;
                const v = valueOf(cell);
                const isSelected = selected?.row === cell.row && selected.column === cell.column;
                return (
                  <td
                    key={col.key} className={`${classes.cell} ${classes.hit} ${isSelected ? classes.selected : ''}`}
                    style={heat(max > 0 ? v / max : 0)} tabIndex={0} role="button"
                    aria-label={`${row.label} with ${col.label}: ${cell.count} together, c ${cell.c.toFixed(2)}. Show the passages`}
                    data-testid="cooccurrence-cell" data-row={row.key} data-column={col.key} data-count={cell.count}
                    onClick={() => onSelect(cell)}
                    onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onSelect(cell); } }}
                  >
                    {measure === 'count' ? cell.count : cell.c.toFixed(2)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
