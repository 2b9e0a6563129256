/** All claims, graded: filter by claimant, type, grade, tag and source; sort; a row opens the claim in a drawer. */
import { Alert, Button, Group, Loader, Select, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { ClaimType } from '../../../../../shared/domain/types';
import { useClaims, type ClaimQuery } from '../../../api/analysisHooks';
import { useSources, useTags } from '../../../api/hooks';
import { CLAIM_TYPE_OPTIONS } from '../analysisLabels';
import { tagLabel } from '../../common/lib/tagValues';
import { navigate } from '../../../routes/useRoute';
import { ClaimDialog } from '../ClaimDialog/ClaimDialog';
import { ClaimDrawer } from '../ClaimDrawer/ClaimDrawer';
import { ClaimsTable } from '../ClaimsTable/ClaimsTable';
import { EntitySelect } from '../../entities/EntitySelect/EntitySelect';
import { IconPlus } from '../../common/Icons/Icons';
import classes from './ClaimsScreen.module.css';

type Sort = NonNullable<ClaimQuery['sort']>;
const SORT_OPTIONS: Array<{ value: Sort; label: string }> = [
  { value: 'created', label: 'Newest first' },
  { value: 'date', label: 'Date claimed' },
  { value: 'grade', label: 'Best grade first' },
  { value: 'claimant', label: 'Claimant' },
];
const GRADE_FILTER = /^[A-F][1-6]?$|^[1-6]$/;

export function ClaimsScreen({ claimId }: { claimId: string | null }) {
  const { data: sources = [] } = useSources();
  const { data: tags = [] } = useTags();
  const [claimantId, setClaimantId] = useState<string | null>(null);
  const [type, setType] = useState<ClaimType | null>(null);
  const [grade, setGrade] = useState('');
  const [tagId, setTagId] = useState<string | null>(null);
  const [sourceId, setSourceId] = useState<string | null>(null);
  const [sort, setSort] = useState<Sort>('created');
  const [creating, setCreating] = useState(false);

  const gradeFilter = grade.trim().toUpperCase();
  const gradeValid = gradeFilter === '' || GRADE_FILTER.test(gradeFilter);
  const query: ClaimQuery = {
    claimantId: claimantId ?? undefined, type: type ?? undefined, grade: gradeValid && gradeFilter ? gradeFilter : undefined,
    tagId: tagId ?? undefined, sourceId: sourceId ?? undefined, sort,
  };
  const { data: claims, error, loading } = useClaims(query);
  const titles = useMemo(() => new Map(sources.map((s) => [s.id, s.meta.title || 'Untitled'])), [sources]);
  const filtered = !!(claimantId || type || gradeFilter || tagId || sourceId);
  const open = (id: string | null) => navigate({ name: 'claims', claimId: id });

  return (
    <div className={classes.root} data-testid="claims-screen">
      <Group justify="space-between" mb="md">
        <Title order={2}>Claims</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="claim-create">New claim</Button>
      </Group>
      <Group gap="sm" mb="md" className={classes.filters}>
        <div style={{ width: 200 }}><EntitySelect label="Claimant" value={claimantId} onChange={setClaimantId} placeholder="Anyone" testId="claims-filter-claimant" /></div>
        <Select label="Type" placeholder="Any type" data={CLAIM_TYPE_OPTIONS} value={type} onChange={(v) => setType(v as ClaimType | null)} clearable w={190} data-testid="claims-filter-type" />
        <TextInput
          label="Grade" placeholder="B2, B or 2" value={grade} onChange={(e) => setGrade(e.currentTarget.value)} w={96}
          error={gradeValid ? undefined : 'e.g. B2'} data-testid="claims-filter-grade"
        />
        <Select
          label="Tag" placeholder="Any tag" data={tags.map((t) => ({ value: t.id, label: tagLabel(t) }))} value={tagId} onChange={setTagId}
          clearable searchable w={150} data-testid="claims-filter-tag"
        />
        <Select
          label="Source" placeholder="Any source" data={sources.map((s) => ({ value: s.id, label: s.meta.title || 'Untitled' }))} value={sourceId}
          onChange={setSourceId} clearable searchable w={200} data-testid="claims-filter-source"
        />
        <Select label="Sort" data={SORT_OPTIONS} value={sort} onChange={(v) => v && setSort(v as Sort)} allowDeselect={false} w={160} data-testid="claims-sort" />
      </Group>
      {error && !claims && <Alert color="red" title="The claims could not be loaded">{error.message}</Alert>}
      {loading && !claims && <Loader size="sm" />}
      {claims && claims.length === 0 && (
        <Text c="dimmed" size="sm" mt="lg">
          {filtered ? 'No claim matches these filters.' : 'No claims yet. Select a passage in a source and choose “Claim…” to record who said what.'}
        </Text>
      )}
      {claims && claims.length > 0 && (
        <ClaimsTable claims={claims} selectedId={claimId} sourceTitle={(id) => titles.get(id) ?? 'Deleted source'} onOpen={open} />
      )}
      <ClaimDrawer claimId={claimId} onClose={() => open(null)} />
      <ClaimDialog opened={creating} onClose={() => setCreating(false)} onSaved={open} />
    </div>
  );
}
