/** The builder's working copy of a dossier: edits show at once, save in order through dossiers.update, and the preview reloads after a pause. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Dossier, DossierSection } from '../../../../../shared/domain/types';
import { useDossier } from '../../../api/dossierHooks';
import { reloadDossier, updateDossier } from '../../../api/dossierMutations';

export interface DossierPatch {
  title?: string;
  author?: string;
  subjectIds?: string[];
  sections?: DossierSection[];
  newPagePerSection?: boolean;
}

/** Quiet time after the last save before the preview is rendered again. */
const PREVIEW_DEBOUNCE_MS = 350;

export function useDossierDraft(id: string) {
  const { data, error, loading } = useDossier(id);
  const [shown, setShown] = useState<Dossier | null>(null);
  const latest = useRef<Dossier | null>(null);
  const pendingSaves = useRef(0);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const reloadTimer = useRef(0);
  const [saving, setSaving] = useState(false);

  // Server answers (first load, preview reloads, undo/redo) replace the working copy, unless an edit is still on its way.
  useEffect(() => {
    if (!data || pendingSaves.current > 0) return;
    latest.current = data.dossier;
    setShown(data.dossier);
  }, [data]);

  useEffect(() => () => window.clearTimeout(reloadTimer.current), []);

  /** Applies `change` to the newest copy (null = nothing to do) and queues its save. */
  const commit = useCallback((change: (d: Dossier) => DossierPatch | null) => {
    const current = latest.current;
    if (!current) return;
    const patch = change(current);
    if (!patch) return;
    const next = { ...current, ...patch };
    latest.current = next;
    setShown(next);
    pendingSaves.current += 1;
    setSaving(true);
    window.clearTimeout(reloadTimer.current);
    queue.current = queue.current.then(async () => {
      const saved = await updateDossier({ id, ...patch });
      pendingSaves.current -= 1;
      if (pendingSaves.current > 0) return;
      setSaving(false);
      // A refused save is put right by showing the server's copy again straight away.
      if (!saved) void reloadDossier(id);
      else reloadTimer.current = window.setTimeout(() => void reloadDossier(id), PREVIEW_DEBOUNCE_MS);
    });
  }, [id]);

  return { dossier: shown, html: data?.html ?? null, error, loading, saving, commit };
}
