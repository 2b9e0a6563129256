/** Creating or editing a relationship: from, type (vocabulary or custom), to, dates, confidence, note and evidence. */
import { ActionIcon, Autocomplete, Button, Group, Input, Modal, MultiSelect, Slider, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import type { RelationshipView } from '../../../../../shared/contract/views-analysis';
import { canonicalRelationshipType, RELATIONSHIP_VOCABULARY } from '../../../../../shared/domain/analysis/vocabulary';
import { ENTITY_TYPES } from '../../../../../shared/domain/types';
import { analysisQueries } from '../../../api/analysisHooks';
import { useQuery } from '../../../api/hooks';
import { createRelationship, updateRelationship } from '../../../api/analysisMutations';
import { notifySuccess } from '../../../api/notify';
import { IconSwap } from '../AnalysisIcons/AnalysisIcons';
import { QualifiedDateInput } from '../../common/QualifiedDateInput/QualifiedDateInput';
import { qualifiedDateError, storedDate } from '../../common/QualifiedDateInput/qualifiedDateField';
import { EntitySelect } from '../../entities/EntitySelect/EntitySelect';
import { EvidenceList, type EvidenceDraft } from '../EvidenceList/EvidenceList';
import { areaLabel } from '../../../../../shared/dossier/pages';

export interface RelationshipSeed {
  fromId?: string | null;
  toId?: string | null;
  evidence?: EvidenceDraft[];
}

export interface RelationshipDialogProps {
  opened: boolean;
  onClose: () => void;
  relationship?: RelationshipView | null;
  seed?: RelationshipSeed;
  onSaved?: (relationshipId: string) => void;
}

interface Draft {
  fromId: string | null;
  toId: string | null;
  type: string;
  startDate: string;
  endDate: string;
  confidence: number;
  note: string;
  evidence: EvidenceDraft[];
  claimIds: string[];
}

function draftFrom(r: RelationshipView | null | undefined, seed: RelationshipSeed = {}): Draft {
  if (r) {
    return {
      fromId: r.fromId, toId: r.toId, type: r.label, startDate: r.startDate, endDate: r.endDate, confidence: r.confidence, note: r.note,
      evidence: r.evidence.flatMap((p) => (p.highlightId ? [{ highlightId: p.highlightId, sourceId: p.sourceId, sourceTitle: p.sourceTitle, exact: p.area ? areaLabel(p.area) : p.exact }] : [])),
      claimIds: [...r.evidenceClaimIds],
    };
  }
  return { fromId: seed.fromId ?? null, toId: seed.toId ?? null, type: '', startDate: '', endDate: '', confidence: 0.7, note: '', evidence: seed.evidence ?? [], claimIds: [] };
}

const TYPE_OPTIONS = RELATIONSHIP_VOCABULARY.map((v) => v.label);
const confidenceWord = (c: number) => (c >= 0.9 ? 'almost certain' : c >= 0.7 ? 'likely' : c >= 0.45 ? 'about even' : c >= 0.2 ? 'unlikely' : 'remote');

export function RelationshipDialog({ opened, onClose, relationship, seed, onSaved }: RelationshipDialogProps) {
  // Every claim (18 MB at 100k) only once the dialog is open: screens keep it mounted, closed, from their first paint.
  const { data: claims = [] } = useQuery(opened ? analysisQueries.claims({}) : null);
  const [draft, setDraft] = useState<Draft>(() => draftFrom(relationship, seed));
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (opened) setDraft(draftFrom(relationship, seed));
    // Only opening resets the form; new props while it is open must not wipe what the analyst typed.
  }, [opened]);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const claimOptions = useMemo(() => claims.map((c) => ({
    value: c.id, label: `${c.grade} · ${c.statement.length > 90 ? `${c.statement.slice(0, 90)}…` : c.statement}`,
  })), [claims]);
  const startError = qualifiedDateError(draft.startDate);
  const endError = qualifiedDateError(draft.endDate);
  const sameEntity = draft.fromId !== null && draft.fromId === draft.toId;
  const canSubmit = !!draft.fromId && !!draft.toId && !sameEntity && draft.type.trim() !== '' && !startError && !endError;
  const unevidenced = draft.evidence.length === 0 && draft.claimIds.length === 0;

  const submit = async () => {
    if (!canSubmit || !draft.fromId || !draft.toId) return;
    setBusy(true);
    const fields = {
      fromId: draft.fromId, toId: draft.toId, type: canonicalRelationshipType(draft.type), startDate: storedDate(draft.startDate), endDate: storedDate(draft.endDate),
      confidence: draft.confidence, note: draft.note, evidenceHighlightIds: draft.evidence.map((e) => e.highlightId), evidenceClaimIds: draft.claimIds,
    };
    const saved = relationship ? await updateRelationship({ id: relationship.id, ...fields }) : await createRelationship(fields);
    setBusy(false);
    if (!saved) return;
    notifySuccess(relationship ? 'Relationship saved' : 'Relationship created', unevidenced ? 'It has no evidence yet: it is flagged “Unevidenced”.' : 'Backed by its evidence.');
    onSaved?.(saved.id);
    onClose();
  };

  return (
    <Modal opened={opened} onClose={onClose} title={relationship ? 'Edit relationship' : 'New relationship'} size="lg" centered>
      <form data-testid="relationship-dialog" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <Stack gap="sm">
          <Group align="flex-end" wrap="nowrap" gap="xs">
            <div style={{ flex: 1 }}>
              <EntitySelect label="From" value={draft.fromId} onChange={(id) => set('fromId', id)} testId="rel-from" createType={ENTITY_TYPES} required />
            </div>
            <Tooltip label="Swap from and to">
              <ActionIcon variant="default" size="lg" mb={1} aria-label="Swap from and to" onClick={() => setDraft((d) => ({ ...d, fromId: d.toId, toId: d.fromId }))}>
                <IconSwap size={16} />
              </ActionIcon>
            </Tooltip>
            <div style={{ flex: 1 }}>
              <EntitySelect label="To" value={draft.toId} onChange={(id) => set('toId', id)} testId="rel-to" createType={ENTITY_TYPES} required />
            </div>
          </Group>
          {sameEntity && <Text size="xs" c="red">An entity cannot be related to itself.</Text>}
          <Autocomplete
            label="Relationship" description="Pick one of the usual types or type your own" placeholder="e.g. supports"
            data={TYPE_OPTIONS} value={draft.type} onChange={(v) => set('type', v)} required
            comboboxProps={{ withinPortal: true }} data-testid="rel-type"
          />
          <Group grow align="flex-start">
            <QualifiedDateInput label="From date" value={draft.startDate} onChange={(v) => set('startDate', v)} testId="rel-start" />
            <QualifiedDateInput label="Until" optional value={draft.endDate} onChange={(v) => set('endDate', v)} testId="rel-end" />
          </Group>
          <div>
            <Group justify="space-between">
              <Input.Label>Confidence</Input.Label>
              <Text size="sm" c="dimmed" data-testid="rel-confidence-value">{Math.round(draft.confidence * 100)}% · {confidenceWord(draft.confidence)}</Text>
            </Group>
            <Slider
              min={0} max={1} step={0.05} value={draft.confidence} onChange={(v) => set('confidence', v)} label={(v) => `${Math.round(v * 100)}%`}
              marks={[{ value: 0.25 }, { value: 0.5 }, { value: 0.75 }]} mt={6} mb="xs" thumbLabel="Confidence" data-testid="rel-confidence"
            />
          </div>
          <Textarea label="Note" autosize minRows={2} maxRows={6} value={draft.note} onChange={(e) => set('note', e.currentTarget.value)} data-testid="rel-note" />
          <Input.Wrapper label="Evidence passages">
            <div style={{ marginTop: 4 }}>
              <EvidenceList evidence={draft.evidence} onRemove={(id) => set('evidence', draft.evidence.filter((e) => e.highlightId !== id))} />
            </div>
          </Input.Wrapper>
          <MultiSelect
            label="Supporting claims" data={claimOptions} value={draft.claimIds} onChange={(ids) => set('claimIds', ids)} searchable clearable
            placeholder={draft.claimIds.length === 0 ? 'Claims that back this relationship' : undefined}
            nothingFoundMessage="No claim matches" comboboxProps={{ withinPortal: true }} data-testid="rel-claims"
          />
          <Group justify="space-between" mt="xs">
            <Text size="xs" c={unevidenced ? 'red' : 'dimmed'}>
              {unevidenced ? 'Without a passage or claim it will be flagged “Unevidenced”.' : `${draft.evidence.length} passage(s), ${draft.claimIds.length} claim(s) as evidence`}
            </Text>
            <Group gap="sm">
              <Button variant="default" onClick={onClose}>Cancel</Button>
              <Button type="submit" loading={busy} disabled={!canSubmit} data-testid="rel-submit">{relationship ? 'Save' : 'Create relationship'}</Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
