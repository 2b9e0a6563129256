/** Reply of analysis.cooccurrence: labelled rows and columns, the non-empty cells, and the passages they open. */
import type { CooccurrenceUnit } from '../domain/analysis/cooccurrence';
import type { PassageRef } from './views-analysis';

export interface CooccurrenceCode {
  /** "tag:<id>" or "entity:<id>". */
  key: string;
  kind: 'tag' | 'entity';
  id: string;
  /** The tag's path ("Energy / Gas") or the entity's name. */
  label: string;
  /** Units holding the code. */
  frequency: number;
}

export interface CooccurrenceCellView {
  row: string;
  column: string;
  count: number;
  /** c-coefficient, 0–1. */
  c: number;
  highlightIds: string[];
}

export interface CooccurrenceView {
  unit: CooccurrenceUnit;
  rows: CooccurrenceCode[];
  columns: CooccurrenceCode[];
  /** Only the cells where the two codes co-occur at least once. */
  cells: CooccurrenceCellView[];
  /** The passage of every highlight some cell names, by highlight id. */
  passages: Record<string, PassageRef>;
}
