/** Creating or editing a claim: who said what, of what kind and when, graded (source reliability × credibility), with its evidence. */
import { Button, Group, Input, Modal, MultiSelect, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import type { ClaimView } from '../../../../../shared/contract/views-analysis';
import { RELIABILITY, type Reliability } from '../../../../../shared/domain/types';
import { createClaim, setSourceReliability, updateClaim } from '../../../api/analysisMutations';
import { useSources, useTags } from '../../../api/hooks';
import { notifySuccess } from '../../../api/notify';
import { CLAIM_TYPE_OPTIONS, CREDIBILITY_LABEL, isCredibility } from '../analysisLabels';
import { RELIABILITY_LABEL } from '../../common/lib/reliability';
import { tagLabel } from '../../common/lib/tagValues';
import { EntityMultiSelect, EntitySelect } from '../../entities/EntitySelect/EntitySelect';
import { EvidenceList } from '../EvidenceList/EvidenceList';
import { GradeBadge } from '../GradeBadge/GradeBadge';
import { draftFrom, previewGrade, type ClaimDraft, type ClaimSeed } from './claimDraft';
import { QualifiedDateInput } from '../../common/QualifiedDateInput/QualifiedDateInput';
import { qualifiedDateError, storedDate } from '../../common/QualifiedDateInput/qualifiedDateField';

export interface ClaimDialogProps {
  opened: boolean;
  onClose: () => void;
  /** The claim to edit; absent or null to create one. */
  claim?: ClaimView | null;
  seed?: ClaimSeed;
  onSaved?: (claimId: string) => void;
}

const CREDIBILITY_DATA = [1, 2, 3, 4, 5, 6].map((c) => ({ value: String(c), label: String(c) }));
const RELIABILITY_DATA = RELIABILITY.map((r) => ({ value: r, label: r }));

export function ClaimDialog({ opened, onClose, claim, seed, onSaved }: ClaimDialogProps) {
  const { data: sources = [] } = useSources();
  const { data: tags = [] } = useTags();
  const [draft, setDraft] = useState<ClaimDraft>(() => draftFrom(claim, seed));
  const [reliability, setReliability] = useState<Reliability | null>(null);
  const [busy, setBusy] = useState(false);

  // A fresh form each time the dialog opens (for another passage or claim).
  useEffect(() => {
    if (opened) {
      setDraft(draftFrom(claim, seed));
      setReliability(null);
    }
    // Only opening resets the form; new props while it is open must not wipe what the analyst typed.
  }, [opened]);

  const set = <K extends keyof ClaimDraft>(key: K, value: ClaimDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const primarySource = sources.find((s) => s.id === draft.evidence[0]?.sourceId);
  const shownReliability = reliability ?? primarySource?.reliability ?? 'F';
  const reliabilityOf = (id: string) => (id === primarySource?.id ? shownReliability : sources.find((s) => s.id === id)?.reliability);
  const grade = previewGrade(draft, reliabilityOf);
  const tagOptions = useMemo(() => tags.map((t) => ({ value: t.id, label: tagLabel(t) })).sort((a, b) => a.label.localeCompare(b.label)), [tags]);
  const invalidDate = qualifiedDateError(draft.claimedAt);
  const canSubmit = draft.statement.trim() !== '' && !invalidDate;

  const submit = async () => {
    if (!canSubmit) return;
    setBusy(true);
    try {
      // The source's reliability is part of the grade: change it first so the new claim is graded with it.
      if (primarySource && reliability && reliability !== primarySource.reliability) {
        if (!(await setSourceReliability(primarySource.id, reliability))) return;
      }
      const fields = {
        claimantId: draft.claimantId, statement: draft.statement.trim(), type: draft.type, claimedAt: storedDate(draft.claimedAt),
        credibility: draft.credibility, evidenceHighlightIds: draft.evidence.map((e) => e.highlightId),
        aboutEntityIds: draft.aboutEntityIds, tagIds: draft.tagIds,
      };
      const saved = claim ? await updateClaim({ id: claim.id, ...fields }) : await createClaim(fields);
      if (!saved) return;
      notifySuccess(claim ? 'Claim saved' : 'Claim created', `${grade} · ${fields.statement.slice(0, 80)}${fields.statement.length > 80 ? '…' : ''}`);
      onSaved?.(saved.id);
      onClose();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={claim ? 'Edit claim' : 'New claim'} size="lg" centered>
      <form data-testid="claim-dialog" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <Stack gap="sm">
          <Input.Wrapper label="Evidence">
            <div style={{ marginTop: 4 }}>
              <EvidenceList evidence={draft.evidence} onRemove={(id) => set('evidence', draft.evidence.filter((e) => e.highlightId !== id))} />
            </div>
          </Input.Wrapper>
          <Group grow align="flex-start">
            <EntitySelect
              label="Claimant" value={draft.claimantId} onChange={(id) => set('claimantId', id)} createType="person"
              placeholder="Who makes the claim?" testId="claim-claimant"
            />
            <Select
              label="Type" data={CLAIM_TYPE_OPTIONS} value={draft.type} allowDeselect={false}
              onChange={(v) => v && set('type', v as ClaimDraft['type'])} comboboxProps={{ withinPortal: true }} data-testid="claim-type"
            />
          </Group>
          <Textarea
            label="Statement" required autosize minRows={2} maxRows={8} value={draft.statement}
            onChange={(e) => set('statement', e.currentTarget.value)} data-testid="claim-statement"
          />
          <QualifiedDateInput label="Date claimed" w={280} value={draft.claimedAt} onChange={(v) => set('claimedAt', v)} testId="claim-date" />
          {primarySource && (
            <Input.Wrapper label="Source reliability" description={`Of the source (applies to every claim drawn from it): ${primarySource.meta.title || 'Untitled'}`}>
              <Group gap="sm" wrap="nowrap" mt={4}>
                <SegmentedControl
                  data={RELIABILITY_DATA} value={shownReliability} onChange={(v) => setReliability(v as Reliability)}
                  data-testid="claim-reliability" aria-label="Source reliability"
                />
                <Text size="sm" c="dimmed" data-testid="claim-reliability-meaning">{RELIABILITY_LABEL[shownReliability]}</Text>
              </Group>
            </Input.Wrapper>
          )}
          <Input.Wrapper label="Credibility of the information">
            <Group gap="sm" wrap="nowrap" mt={4}>
              <SegmentedControl
                data={CREDIBILITY_DATA} value={String(draft.credibility)}
                onChange={(v) => { const n = Number(v); if (isCredibility(n)) set('credibility', n); }}
                data-testid="claim-credibility" aria-label="Credibility"
              />
              <Text size="sm" c="dimmed" data-testid="claim-credibility-meaning">{CREDIBILITY_LABEL[draft.credibility]}</Text>
            </Group>
          </Input.Wrapper>
          <EntityMultiSelect label="About" value={draft.aboutEntityIds} onChange={(ids) => set('aboutEntityIds', ids)} testId="claim-about" placeholder="Entities the claim is about" />
          <MultiSelect
            label="Tags" data={tagOptions} value={draft.tagIds} onChange={(ids) => set('tagIds', ids)} searchable clearable
            nothingFoundMessage="No tag by that name" comboboxProps={{ withinPortal: true }} data-testid="claim-tags"
          />
          <Group justify="space-between" mt="xs">
            <Group gap={6}>
              <Text size="sm" c="dimmed">Grade</Text>
              <GradeBadge grade={grade} />
            </Group>
            <Group gap="sm">
              <Button variant="default" onClick={onClose}>Cancel</Button>
              <Button type="submit" loading={busy} disabled={!canSubmit} data-testid="claim-submit">{claim ? 'Save claim' : 'Create claim'}</Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
