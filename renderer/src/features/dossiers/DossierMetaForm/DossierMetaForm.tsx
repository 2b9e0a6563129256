/** The dossier's title, author, subjects and page breaks: text saved when the field is left, the rest as it changes. */
import { Checkbox, Group, Stack, TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { Dossier } from '../../../../../shared/domain/types';
import type { DossierPatch } from '../DossierBuilder/useDossierDraft';
import { EntityMultiSelect } from '../../entities/EntitySelect/EntitySelect';
import classes from './DossierMetaForm.module.css';

/** A text field that shows the saved value unless the analyst is typing in it. */
function SavedOnBlur({ value, onSave, required, ...props }: {
  value: string; onSave: (v: string) => void; required?: boolean; label: string; testId: string; className?: string; size?: string; placeholder?: string;
}) {
  const [draft, setDraft] = useState(value);
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) setDraft(value);
  }, [value]);
  return (
    <TextInput
      label={props.label} value={draft} className={props.className} size={props.size} placeholder={props.placeholder} data-testid={props.testId}
      onFocus={() => { focused.current = true; }}
      onChange={(e) => setDraft(e.currentTarget.value)}
      onKeyDown={(e) => { if (e.key === 'Enter') e.currentTarget.blur(); }}
      onBlur={() => {
        focused.current = false;
        const next = draft.trim();
        if (required && !next) return setDraft(value);
        if (next !== value) onSave(next);
      }}
    />
  );
}

export function DossierMetaForm({ dossier, onChange }: { dossier: Dossier; onChange: (patch: DossierPatch) => void }) {
  return (
    <Stack gap="xs">
      <SavedOnBlur label="Title" value={dossier.title} required testId="dossier-title" size="md" className={classes.title} onSave={(title) => onChange({ title })} />
      <Group gap="sm" align="flex-start" grow wrap="nowrap">
        <EntityMultiSelect label="Subjects" value={dossier.subjectIds} onChange={(subjectIds) => onChange({ subjectIds })} testId="dossier-subjects" />
        <SavedOnBlur label="Author" value={dossier.author} testId="dossier-author" placeholder="Who signs it" onSave={(author) => onChange({ author })} />
      </Group>
      <Checkbox
        label="Start each section on a new page" description="Off: short sections follow each other on the same page."
        checked={dossier.newPagePerSection === true} data-testid="dossier-new-page-per-section"
        onChange={(e) => onChange({ newPagePerSection: e.currentTarget.checked })}
      />
    </Stack>
  );
}
