/** What the builder hands its section and block cards: the sections, the cited records, the one way to edit, drag and drop. */
import { createContext, useContext } from 'react';
import type { DossierSection } from '../../../../../shared/domain/types';
import type { PickableKind } from '../../common/RecordPicker/RecordPicker';
import type { DragHandlers } from './useDossierDrag';
import type { RecordLookup } from './useRecordLookup';

/** Where focus goes once an edit is on screen (a moved card keeps the keyboard); `fallback` when the first is gone or disabled. */
export interface FocusTarget {
  selector: string;
  fallback?: string;
}

export interface DossierEditor {
  sections: DossierSection[];
  lookup: RecordLookup;
  /** Applies an edit of the sections (null = nothing changes) and saves it. */
  edit: (change: (sections: DossierSection[]) => DossierSection[] | null, focus?: FocusTarget) => void;
  /** Opens the record picker for a new block at the end of a section. */
  pick: (sectionId: string, kind: PickableKind) => void;
  drag: DragHandlers;
}

export const DossierEditorContext = createContext<DossierEditor | null>(null);

export function useDossierEditor(): DossierEditor {
  const editor = useContext(DossierEditorContext);
  if (!editor) throw new Error('useDossierEditor needs a DossierEditorContext provider');
  return editor;
}

export const blockSelector = (id: string) => `[data-testid="block-card"][data-block-id="${CSS.escape(id)}"]`;
export const sectionSelector = (id: string) => `[data-testid="section-card"][data-section-id="${CSS.escape(id)}"]`;
