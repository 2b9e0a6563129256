/** A compact summary of what a claim, quote, relationship, entity, graph, timeline or ACH block shows in the printed dossier. */
import { Badge, Group, Text } from '@mantine/core';
import type { DossierBlock } from '../../../../../shared/domain/types';
import type { RecordLookup } from '../DossierBuilder/useRecordLookup';
import { GradeBadge } from '../../analysis/GradeBadge/GradeBadge';
import classes from './BlockSummary.module.css';
import { quotedText } from '../../../../../shared/dossier/pages';

function Missing({ what }: { what: string }) {
  return <Text size="sm" c="red" data-testid="block-missing">[missing {what}: it was deleted; the printed dossier says so]</Text>;
}

export function BlockSummary({ block, lookup }: { block: DossierBlock; lookup: RecordLookup }) {
  const ref = block.refId ?? '';
  switch (block.kind) {
    case 'claim': {
      const c = lookup.claimById.get(ref);
      if (!c) return lookup.loaded ? <Missing what="claim" /> : null;
      return (
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <GradeBadge grade={c.grade} size="sm" />
          <div className={classes.grow}>
            <Text size="sm" lineClamp={3}>{c.statement}</Text>
            <Text size="xs" c="dimmed">{[c.claimantName ?? 'Unknown claimant', c.claimedAt, `${c.evidence.length} passage${c.evidence.length === 1 ? '' : 's'}`].filter(Boolean).join(' · ')}</Text>
          </div>
        </Group>
      );
    }
    case 'quote': {
      const h = lookup.highlightById.get(ref);
      if (!h) return lookup.loaded ? <Missing what="passage" /> : null;
      return (
        <div>
          <Text size="sm" className={classes.quote} lineClamp={4}>{quotedText(h)}</Text>
          <Text size="xs" c="dimmed" mt={2}>{lookup.sourceTitle(h.sourceId)}</Text>
        </div>
      );
    }
    case 'relationship': {
      const r = lookup.relationshipById.get(ref);
      if (!r) return lookup.loaded ? <Missing what="relationship" /> : null;
      return (
        <div>
          <Text size="sm"><b>{r.fromName}</b> {r.label} <b>{r.toName}</b></Text>
          <Group gap={6} mt={2}>
            {r.unevidenced && <Badge size="xs" color="orange" variant="light">No evidence</Badge>}
            <Text size="xs" c="dimmed">
              {[r.startDate && `from ${r.startDate}`, r.endDate && `to ${r.endDate}`, `${r.evidence.length} passage${r.evidence.length === 1 ? '' : 's'}`].filter(Boolean).join(' · ')}
            </Text>
          </Group>
        </div>
      );
    }
    case 'entity': {
      const e = lookup.entityById.get(ref);
      if (!e) return lookup.loaded ? <Missing what="entity" /> : null;
      return (
        <div>
          <Text size="sm" fw={600}>{e.name} <Text span size="xs" c="dimmed" fw={400}>({e.type})</Text></Text>
          <Text size="xs" c="dimmed" lineClamp={2}>{e.description || `${e.claimCount} claims · ${e.relationshipCount} relationships`}</Text>
        </div>
      );
    }
    case 'graph':
    case 'timeline': {
      const focus = ref ? lookup.entityById.get(ref)?.name : undefined;
      const what = block.kind === 'graph' ? 'Relationship graph of the subjects' : 'Timeline of dated claims and relationships';
      return <Text size="sm" c="dimmed" fs="italic">{what}{focus ? `, around ${focus}` : ''}</Text>;
    }
    case 'ach': {
      const m = lookup.matrixById.get(ref);
      if (!m) return lookup.loaded ? <Missing what="ACH matrix" /> : null;
      return (
        <div>
          <Text size="sm" fw={600}>{m.title}</Text>
          <Text size="xs" c="dimmed" lineClamp={2}>
            {[m.question, `${m.hypotheses} hypothes${m.hypotheses === 1 ? 'is' : 'es'} × ${m.evidence} item${m.evidence === 1 ? '' : 's'} of evidence`].filter(Boolean).join(' · ')}
          </Text>
        </div>
      );
    }
    case 'text':
      return null;
  }
}
