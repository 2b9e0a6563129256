/** The dossier builder (#/dossier/<id>): title, author, subjects and sections with ordered blocks on the left; the printed preview on the right. */
import { Alert, Anchor, Button, Center, Group, Loader, ScrollArea, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DossierSection } from '../../../../../shared/domain/types';
import { addSection, appendBlock, moveBlockTo, moveSectionTo } from '../dossierEdit';
import { newId } from '../newId';
import { dossierQueries } from '../../../api/dossierHooks';
import { useLeaveWhenGone } from '../../../api/goneByHistory';
import { hrefFor, replaceRoute } from '../../../routes/useRoute';
import { DossierExportMenu } from '../DossierExportMenu/DossierExportMenu';
import { DossierMetaForm } from '../DossierMetaForm/DossierMetaForm';
import { DossierPreview } from '../DossierPreview/DossierPreview';
import { DossierSectionCard } from '../DossierSectionCard/DossierSectionCard';
import { IconBack, IconPlus } from '../../common/Icons/Icons';
import { RecordPicker, type PickableKind } from '../../common/RecordPicker/RecordPicker';
import { blockSelector, DossierEditorContext, sectionSelector, type DossierEditor, type FocusTarget } from './editorContext';
import { useDossierDraft } from './useDossierDraft';
import { useDossierDrag } from './useDossierDrag';
import { useRecordLookup } from './useRecordLookup';
import classes from './DossierBuilder.module.css';
import { TeamAuthorLine } from '../../team/TeamAuthorLine/TeamAuthorLine';

function focusTarget(target: FocusTarget): void {
  const usable = (el: Element | null): el is HTMLElement => el instanceof HTMLElement && !el.hasAttribute('disabled') && el.getAttribute('data-disabled') !== 'true';
  const first = document.querySelector(target.selector);
  const el = usable(first) ? first : target.fallback ? document.querySelector(target.fallback) : null;
  if (usable(el)) {
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'nearest' });
  }
}

export function DossierBuilder({ dossierId }: { dossierId: string }) {
  const { dossier, html, error, loading, saving, commit } = useDossierDraft(dossierId);
  const lookup = useRecordLookup();
  const [picking, setPicking] = useState<{ sectionId: string; kind: PickableKind } | null>(null);
  const pendingFocus = useRef<FocusTarget | null>(null);

  const edit = useCallback<DossierEditor['edit']>((change, focus) => {
    commit((d) => {
      const sections = change(d.sections);
      if (!sections) return null;
      if (focus) pendingFocus.current = focus;
      return { sections };
    });
  }, [commit]);

  // Moved cards are new DOM positions: give the keyboard back to them once they are drawn.
  useEffect(() => {
    const focus = pendingFocus.current;
    if (!focus) return;
    pendingFocus.current = null;
    requestAnimationFrame(() => focusTarget(focus));
  }, [dossier]);

  const drag = useDossierDrag({
    moveBlock: (id, sectionId, before) => edit((s) => moveBlockTo(s, id, sectionId, before), { selector: blockSelector(id) }),
    moveSection: (id, before) => edit((s) => moveSectionTo(s, id, before), { selector: sectionSelector(id) }),
  });

  const editor = useMemo<DossierEditor | null>(() => dossier && {
    sections: dossier.sections, lookup, edit, drag,
    pick: (sectionId, kind) => setPicking({ sectionId, kind }),
  }, [dossier, lookup, edit, drag]);

  // Its creation undone (or redone away) while open: back to the list, quietly; the undo toast offers Redo.
  const gone = useLeaveWhenGone(dossierQueries.get(dossierId).key, error, () => replaceRoute({ name: 'dossiers' }));
  if (gone) return null;
  // Not found also after the dossier was deleted elsewhere while it was open.
  if (error && (!dossier || error.code === 'not_found')) {
    return (
      <Center h="60vh">
        <Alert color="red" title="This dossier could not be opened" maw={520} data-testid="dossier-error">{error.message}</Alert>
      </Center>
    );
  }
  if (!dossier || !editor) return <Center h="60vh"><Loader /></Center>;

  const newSection = () => {
    const section: DossierSection = { id: newId(), title: 'New section', blocks: [] };
    edit((s) => addSection(s, section), { selector: `${sectionSelector(section.id)} [data-testid="section-title"]` });
  };

  return (
    <DossierEditorContext.Provider value={editor}>
      <div className={classes.root} data-testid="dossier-builder" data-dossier-id={dossier.id}>
        <div className={classes.editor}>
          <Group justify="space-between" px="md" py="xs" className={classes.toolbar} wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Anchor href={hrefFor({ name: 'dossiers' })} size="sm" c="dimmed" className={classes.nowrap}><Group gap={2} component="span" wrap="nowrap"><IconBack size={14} /> Dossiers</Group></Anchor>
              <Text size="xs" c="dimmed" className={classes.nowrap} data-testid="dossier-save-state">{saving ? 'Saving…' : 'Saved'}</Text>
            </Group>
            <DossierExportMenu dossierId={dossier.id} />
          </Group>
          <ScrollArea className={classes.scroll} type="auto" offsetScrollbars>
            <Stack gap="md" p="md">
              <DossierMetaForm dossier={dossier} onChange={(patch) => commit(() => patch)} />
              <TeamAuthorLine collection="dossiers" id={dossier.id} />
              <Stack gap="sm" data-testid="dossier-sections">
                {dossier.sections.map((s, i) => (
                  <DossierSectionCard key={s.id} section={s} index={i} count={dossier.sections.length} nextId={dossier.sections[i + 1]?.id ?? null} />
                ))}
                {dossier.sections.length === 0 && <Text size="sm" c="dimmed">No sections yet.</Text>}
              </Stack>
              <Group>
                <Button variant="default" leftSection={<IconPlus size={16} />} onClick={newSection} data-testid="section-add">Add section</Button>
              </Group>
            </Stack>
          </ScrollArea>
        </div>
        <div className={classes.preview}>
          <DossierPreview html={html} updating={saving || loading} />
        </div>
      </div>
      <RecordPicker
        kind={picking?.kind ?? null} lookup={lookup} onClose={() => setPicking(null)}
        onPick={(kind, refId) => {
          if (!picking) return;
          const block = { id: newId(), kind, text: '', refId };
          edit((s) => appendBlock(s, picking.sectionId, block), { selector: blockSelector(block.id) });
        }}
      />
    </DossierEditorContext.Provider>
  );
}
