/** The matrix: hypotheses as columns, evidence as rows (grade, weight, diagnostic or not), a rating per cell, scores below. */
import { ActionIcon, Badge, Group, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import type { AchMatrixView } from '../../../../../shared/contract/views-ach';
import type { AchRating } from '../../../../../shared/domain/analysis/ach';
import { GradeBadge } from '../../analysis/GradeBadge/GradeBadge';
import { IconTrash } from '../../common/Icons/Icons';
import { HypothesisHeader } from '../HypothesisHeader/HypothesisHeader';
import { RatingCell } from '../RatingCell/RatingCell';
import classes from './AchTable.module.css';

export interface AchTableProps {
  view: AchMatrixView;
  onRate: (evidenceId: string, hypothesisId: string, rating: AchRating | null) => void;
  onRename: (hypothesisId: string, label: string) => Promise<unknown>;
  onRemoveHypothesis: (hypothesisId: string) => void;
  onRemoveEvidence: (evidenceId: string) => void;
  onShowPassages: (evidenceId: string) => void;
}

export function AchTable({ view, onRate, onRename, onRemoveHypothesis, onRemoveEvidence, onShowPassages }: AchTableProps) {
  const { matrix, evidence, scores } = view;
  const score = new Map(scores.map((s) => [s.hypothesisId, s]));
  // Nobody leads while every hypothesis shares rank 1 (nothing rated against any of them yet, or a full tie).
  const someoneTrails = scores.some((s) => s.rank > 1);
  const leads = (id: string) => someoneTrails && score.get(id)?.rank === 1;
  const ratingsOf = new Map(matrix.evidence.map((e) => [e.id, e.ratings]));
  const colClass = (id: string) => `${classes.hypothesis} ${leads(id) ? classes.leader : ''}`;

  return (
    <div className={classes.wrap}>
      <table className={classes.table} data-testid="ach-table">
        <thead>
          <tr>
            <th className={classes.evidenceHead} scope="col">Evidence</th>
            <th scope="col"><Text size="xs" c="dimmed">Grade · weight</Text></th>
            {matrix.hypotheses.map((h) => (
              <th key={h.id} className={colClass(h.id)} scope="col" data-hypothesis-id={h.id}>
                <HypothesisHeader
                  label={h.label} leads={leads(h.id)} onRename={(label) => onRename(h.id, label)} onRemove={() => onRemoveHypothesis(h.id)}
                />
              </th>
            ))}
            <th aria-label="Remove" />
          </tr>
        </thead>
        <tbody>
          {evidence.map((e) => (
            <tr key={e.id} className={e.diagnostic ? undefined : classes.nondiagnostic} data-testid="ach-evidence" data-evidence-id={e.id} data-diagnostic={e.diagnostic}>
              <td>
                <UnstyledButton className={classes.rowLabel} onClick={() => onShowPassages(e.id)} title="Show the passages" data-testid="ach-evidence-label">
                  <Text size="sm" lineClamp={3} className={classes.rowText}>{e.kind === 'claim' ? e.label : `“${e.label}”`}</Text>
                  <Group gap={6} mt={2}>
                    <Text size="xs" c="dimmed">{e.kind === 'claim' ? 'Claim' : 'Highlight'} · {e.passages[0]?.sourceTitle ?? 'no passage'}</Text>
                    {!e.diagnostic && matrix.hypotheses.length > 1 && (
                      <Tooltip label="Rated alike against every hypothesis: it does not help tell them apart" withArrow>
                        <Badge size="xs" variant="outline" color="gray" data-testid="ach-nondiagnostic">not diagnostic</Badge>
                      </Tooltip>
                    )}
                  </Group>
                </UnstyledButton>
              </td>
              <td>
                <Stack gap={2} align="center">
                  <GradeBadge grade={e.grade} size="sm" />
                  <Text size="xs" c="dimmed" data-testid="ach-weight">×{e.weight.toFixed(2)}</Text>
                </Stack>
              </td>
              {matrix.hypotheses.map((h) => (
                <td key={h.id} className={classes.cell} data-hypothesis-id={h.id}>
                  <RatingCell
                    rating={ratingsOf.get(e.id)?.[h.id]} evidenceLabel={e.label} hypothesisLabel={h.label}
                    onRate={(r) => onRate(e.id, h.id, r)} onShowPassages={() => onShowPassages(e.id)}
                  />
                </td>
              ))}
              <td>
                <ActionIcon variant="subtle" color="gray" aria-label="Remove this evidence from the matrix" onClick={() => onRemoveEvidence(e.id)} data-testid="ach-evidence-remove">
                  <IconTrash size={14} />
                </ActionIcon>
              </td>
            </tr>
          ))}
        </tbody>
        {evidence.length > 0 && (
          <tfoot>
            <tr className={classes.scores} data-testid="ach-scores">
              <th scope="row" className={classes.evidenceHead}>
                <Text size="sm" fw={600}>Weighted inconsistency</Text>
                <Text size="xs" c="dimmed" fw={400}>I counts 1, II counts 2, times the row’s weight; the lowest leads</Text>
              </th>
              <td />
              {matrix.hypotheses.map((h) => {
                const s = score.get(h.id);
                return (
                  <td key={h.id} className={`${classes.cell} ${leads(h.id) ? classes.leader : ''}`} data-testid="ach-score" data-hypothesis-id={h.id} data-rank={s?.rank}>
                    <Text size="sm" fw={700}>{s?.inconsistency.toFixed(2)}</Text>
                    <Text size="xs" c="dimmed">rank {s?.rank}</Text>
                  </td>
                );
              })}
              <td />
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
