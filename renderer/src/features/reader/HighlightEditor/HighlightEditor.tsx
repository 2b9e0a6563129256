/** Editing one highlight in the side panel: quote, colour, tags, note (saved on blur or Save) and delete. */
import { Badge, Button, Group, Image, Spoiler, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { AnchoredHighlight, TagSummary } from '../../../../../shared/contract/views';
import { deleteHighlight, updateHighlight } from '../../../api/mutations';
import { useAreaImage } from '../../../api/pdfImageHooks';
import { HIGHLIGHT_SWATCH } from '../../common/lib/highlightColors';
import { ConfirmDialog } from '../../common/ConfirmDialog/ConfirmDialog';
import { HighlightColorPicker } from '../HighlightColorPicker/HighlightColorPicker';
import { HighlightTagsInput } from '../HighlightTagsInput/HighlightTagsInput';
import { IconTrash } from '../../common/Icons/Icons';
import classes from './HighlightEditor.module.css';
import { highlightText } from '../../../../../shared/dossier/pages';
import { TeamAuthorLine } from '../../team/TeamAuthorLine/TeamAuthorLine';

export interface HighlightEditorProps {
  anchored: AnchoredHighlight;
  tags: TagSummary[];
  /** Which field to focus once shown (after "Tag…" / "Note…" in the selection toolbar). */
  focusField: 'tags' | 'note' | null;
  onFocusHandled: () => void;
  onDeleted: () => void;
}

type NoteStatus = 'idle' | 'saving' | 'saved';

export function HighlightEditor({ anchored, tags, focusField, onFocusHandled, onDeleted }: HighlightEditorProps) {
  const { highlight, status } = anchored;
  const [note, setNote] = useState(highlight.note);
  const [noteStatus, setNoteStatus] = useState<NoteStatus>('idle');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const lastSaved = useRef(highlight.note);
  // An area of a PDF page shows its crop above its label ("Area on p. N"); text highlights load nothing.
  const areaImage = useAreaImage(highlight);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const tagsRef = useRef<HTMLInputElement>(null);

  // The note changed elsewhere (undo/redo): show it, unless the analyst is typing here.
  useEffect(() => {
    if (document.activeElement !== noteRef.current) setNote(highlight.note);
    lastSaved.current = highlight.note;
  }, [highlight.note]);

  useEffect(() => {
    if (!focusField) return;
    (focusField === 'note' ? noteRef : tagsRef).current?.focus();
    onFocusHandled();
  }, [focusField, onFocusHandled]);

  const saveNote = async () => {
    // Blur and the Save click both arrive when Save is pressed: save once.
    if (note === lastSaved.current) return;
    lastSaved.current = note;
    setNoteStatus('saving');
    const saved = await updateHighlight({ id: highlight.id, note });
    if (!saved) lastSaved.current = highlight.note;
    setNoteStatus(saved ? 'saved' : 'idle');
  };

  return (
    <Stack gap="md" data-testid="highlight-editor" data-highlight-id={highlight.id}>
      <div>
        <Group justify="space-between" mb={6}>
          <Text size="xs" tt="uppercase" fw={700} c="dimmed">Quote</Text>
          {status === 'moved' && <Badge size="xs" color="blue" variant="light">re-anchored</Badge>}
          {status === 'orphan' && <Badge size="xs" color="orange" variant="light">not placed</Badge>}
        </Group>
        <Spoiler maxHeight={168} showLabel="Show all" hideLabel="Show less">
          <blockquote className={classes.quote} style={{ borderLeftColor: HIGHLIGHT_SWATCH[highlight.color] }} data-testid="panel-quote">
            {areaImage.data && <Image src={areaImage.data} alt="" mah={160} w="auto" fit="contain" mb={4} data-testid="panel-area-image" />}
            {highlightText(highlight)}
          </blockquote>
        </Spoiler>
      </div>
      <div>
        <Text size="sm" fw={500} mb={6}>Colour</Text>
        <HighlightColorPicker value={highlight.color} onChange={(color) => void updateHighlight({ id: highlight.id, color })} />
      </div>
      <HighlightTagsInput highlightId={highlight.id} tagIds={highlight.tagIds} tags={tags} inputRef={tagsRef} />
      <div>
        <Textarea
          ref={noteRef} label="Note" placeholder="Why does this passage matter?" autosize minRows={3} maxRows={14}
          value={note}
          onChange={(e) => {
            setNote(e.currentTarget.value);
            setNoteStatus('idle');
          }}
          onBlur={() => void saveNote()}
          data-testid="panel-note"
        />
        <Group justify="space-between" mt={6}>
          <Text size="xs" c="dimmed" data-testid="panel-note-status">
            {noteStatus === 'saving' ? 'Saving…' : noteStatus === 'saved' ? 'Saved' : note !== lastSaved.current ? 'Unsaved changes' : ''}
          </Text>
          <Button size="xs" variant="light" onClick={() => void saveNote()} data-testid="panel-note-save">
            Save note
          </Button>
        </Group>
      </div>
      <Group justify="space-between" mt="sm">
        <Stack gap={2}>
          <Text size="xs" c="dimmed">Created {new Date(highlight.createdAt).toLocaleString()}</Text>
          <TeamAuthorLine collection="highlights" id={highlight.id} />
        </Stack>
        <Button size="xs" color="red" variant="subtle" leftSection={<IconTrash size={14} />} onClick={() => setConfirmDelete(true)} data-testid="panel-delete">
          Delete
        </Button>
      </Group>
      <ConfirmDialog
        opened={confirmDelete} title="Delete highlight?" confirmLabel="Delete highlight"
        onCancel={() => setConfirmDelete(false)}
        onConfirm={async () => {
          if (await deleteHighlight(highlight.id)) {
            setConfirmDelete(false);
            onDeleted();
          }
        }}
      >
        The highlight{highlight.tagIds.length > 0 ? `, its ${highlight.tagIds.length} tag assignment${highlight.tagIds.length === 1 ? '' : 's'}` : ''}
        {highlight.note ? ' and its note' : ''} will be removed.
      </ConfirmDialog>
    </Stack>
  );
}
