/** Response shapes that are views over records (joined or counted), not records themselves. */
import type { CollectionName, Highlight, Source, Tag, TextPositionSelector } from '../domain/types';
import type { RecoveryInfo } from './views-maintenance';
import type { PdfUpgrade } from './views-pdf';

export interface WorkspaceInfo {
  path: string;
  schemaVersion: number;
  counts: { sources: number; highlights: number; tags: number };
  /** True when this launch imported the sample article into an empty workspace. */
  seeded: boolean;
  /** Linked to a team workspace (issue 18): the app then shows the team's edits as they arrive. Absent in recovery mode. */
  team?: boolean;
  /** Present only in recovery mode: the workspace could not be opened (see views-maintenance.ts). */
  recovery?: RecoveryInfo;
}

export interface SourceSummary extends Source {
  highlightCount: number;
}

export type AnchorStatus = 'exact' | 'moved' | 'orphan';

export interface AnchoredHighlight {
  highlight: Highlight;
  status: AnchorStatus;
  /** Where it sits in the text now; null for orphans. */
  range: Pick<TextPositionSelector, 'start' | 'end'> | null;
}

export interface ReaderView {
  source: Source;
  text: string;
  highlights: AnchoredHighlight[];
}

export interface ImportOutcome {
  source: Source;
  /** True when identical content already existed: nothing was added. */
  duplicate: boolean;
  /** Set when the import gave an older text-only PDF source of this file its pages (see PdfUpgrade). */
  upgraded?: PdfUpgrade;
}

export interface TagSummary extends Tag {
  count: number;
  /** Full path from the root, e.g. "claim / disputed". */
  path: string;
}

export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
  /**
   * How many changes the workspace has committed (any window or tab); a renderer that saw only its own edits
   * since it last read this knows its data is current. Absent from servers that do not count.
   */
  revision?: number;
  /** On undo/redo replies: what the step changed, so the renderer can patch what it shows instead of reloading. */
  changed?: HistoryChange;
}

export interface HistoryChange {
  /** Every collection the step wrote to. */
  collections: CollectionName[];
  /** The highlights the step put back or changed, as they are now; null when too many to send (reload instead). */
  highlights: Highlight[] | null;
  /** The highlights the step removed. */
  removedHighlightIds: string[];
}
