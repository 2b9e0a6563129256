/** Picks an existing claim, passage, relationship, entity or ACH matrix for a dossier block: a filterable list (diacritics ignored). */
import { Modal, ScrollArea, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { BlockKind } from '../../../../../shared/domain/types';
import type { RecordLookup } from '../../dossiers/DossierBuilder/useRecordLookup';
import { IconSearch } from '../Icons/Icons';
import classes from './RecordPicker.module.css';
import { quotedText } from '../../../../../shared/dossier/pages';

export type PickableKind = Extract<BlockKind, 'claim' | 'quote' | 'relationship' | 'entity' | 'ach'>;

const TITLE: Record<PickableKind, string> = {
  claim: 'Add a claim', quote: 'Add a quoted passage', relationship: 'Add a relationship', entity: 'Add an entity profile', ach: 'Add an ACH matrix',
};
const SHOWN = 100;

interface Option {
  id: string;
  primary: string;
  secondary: string;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

function optionsOf(kind: PickableKind, lookup: RecordLookup): Option[] {
  switch (kind) {
    case 'claim':
      return lookup.claims.map((c) => ({ id: c.id, primary: c.statement, secondary: `${c.grade} · ${c.claimantName ?? 'Unknown claimant'}` }));
    case 'quote':
      return lookup.highlights.map((h) => ({ id: h.id, primary: quotedText(h), secondary: lookup.sourceTitle(h.sourceId) }));
    case 'relationship':
      return lookup.relationships.map((r) => ({ id: r.id, primary: `${r.fromName} ${r.label} ${r.toName}`, secondary: `${r.evidence.length} passage(s)` }));
    case 'entity':
      return lookup.entities.map((e) => ({ id: e.id, primary: e.name, secondary: [e.type, ...e.aliases].join(' · ') }));
    case 'ach':
      return lookup.matrices.map((m) => ({ id: m.id, primary: m.title, secondary: [m.question, `${m.hypotheses} hypotheses · ${m.evidence} items of evidence`].filter(Boolean).join(' · ') }));
  }
}

export interface RecordPickerProps {
  kind: PickableKind | null;
  lookup: RecordLookup;
  onPick: (kind: PickableKind, refId: string) => void;
  onClose: () => void;
}

export function RecordPicker({ kind, lookup, onPick, onClose }: RecordPickerProps) {
  const [filter, setFilter] = useState('');
  const options = useMemo(() => (kind ? optionsOf(kind, lookup) : []), [kind, lookup]);
  const shown = useMemo(() => {
    const f = fold(filter.trim());
    return (f ? options.filter((o) => fold(`${o.primary} ${o.secondary}`).includes(f)) : options).slice(0, SHOWN);
  }, [options, filter]);
  const close = () => {
    setFilter('');
    onClose();
  };

  return (
    <Modal opened={kind !== null} onClose={close} title={kind ? TITLE[kind] : ''} size="lg" centered data-testid="record-picker">
      <TextInput
        placeholder="Filter" leftSection={<IconSearch size={16} />} value={filter} data-autofocus
        onChange={(e) => setFilter(e.currentTarget.value)} data-testid="record-picker-filter" aria-label="Filter"
      />
      <ScrollArea.Autosize mah="55vh" mt="sm" type="auto">
        <Stack gap={4}>
          {shown.map((o) => (
            <UnstyledButton
              key={o.id} className={classes.option} data-testid="record-option" data-record-id={o.id}
              onClick={() => {
                if (kind) onPick(kind, o.id);
                close();
              }}
            >
              <Text size="sm" lineClamp={2}>{o.primary}</Text>
              <Text size="xs" c="dimmed" truncate>{o.secondary}</Text>
            </UnstyledButton>
          ))}
          {shown.length === 0 && (
            <Text size="sm" c="dimmed" p="sm">{options.length === 0 ? 'There is nothing of this kind in the workspace yet.' : 'Nothing matches the filter.'}</Text>
          )}
        </Stack>
      </ScrollArea.Autosize>
    </Modal>
  );
}
