/** Claims as a table: grade, statement with corroboration badges, claimant, type, date and sources; a row opens the claim. */
import { Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import type { ClaimView } from '../../../../../shared/contract/views-analysis';
import { CLAIM_TYPE_LABEL } from '../analysisLabels';
import { GradeBadge } from '../GradeBadge/GradeBadge';
import classes from './ClaimsTable.module.css';
import { qualifierInWords } from '../../../../../shared/domain/partial-dates';

export interface ClaimsTableProps {
  claims: ClaimView[];
  selectedId: string | null;
  sourceTitle: (sourceId: string) => string;
  onOpen: (id: string) => void;
}

export function ClaimsTable({ claims, selectedId, sourceTitle, onOpen }: ClaimsTableProps) {
  return (
    <Table highlightOnHover verticalSpacing="sm" data-testid="claims-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={64}>Grade</Table.Th>
          <Table.Th>Statement</Table.Th>
          <Table.Th>Claimant</Table.Th>
          <Table.Th>Type</Table.Th>
          <Table.Th>Date</Table.Th>
          <Table.Th>Source</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {claims.map((c) => {
          const titles = c.sourceIds.map(sourceTitle);
          return (
            <Table.Tr
              key={c.id} className={classes.row} onClick={() => onOpen(c.id)} tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && onOpen(c.id)}
              data-selected={c.id === selectedId || undefined} data-testid="claim-row" data-claim-id={c.id}
            >
              <Table.Td><GradeBadge grade={c.grade} /></Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={3} className={classes.statement} data-testid="claim-row-statement">{c.statement}</Text>
                {(c.corroborated || c.supports.length + c.supportedBy.length + c.contradicts.length + c.contradictedBy.length > 0) && (
                  <Group gap={4} mt={4}>
                    {c.corroborated && <Badge size="xs" color="teal" variant="light" data-testid="claim-corroborated">Corroborated</Badge>}
                    {c.supportedBy.length > 0 && <Badge size="xs" color="green" variant="outline">Supported by {c.supportedBy.length}</Badge>}
                    {c.supports.length > 0 && <Badge size="xs" color="green" variant="outline">Supports {c.supports.length}</Badge>}
                    {c.contradictedBy.length > 0 && <Badge size="xs" color="red" variant="outline">Contradicted by {c.contradictedBy.length}</Badge>}
                    {c.contradicts.length > 0 && <Badge size="xs" color="red" variant="outline">Contradicts {c.contradicts.length}</Badge>}
                  </Group>
                )}
              </Table.Td>
              <Table.Td className={classes.nowrap}>
                <Text size="sm" c={c.claimantName ? undefined : 'dimmed'}>{c.claimantName ?? 'Unknown'}</Text>
              </Table.Td>
              <Table.Td className={classes.nowrap}><Text size="sm">{CLAIM_TYPE_LABEL[c.type]}</Text></Table.Td>
              <Table.Td className={classes.nowrap}><Text size="sm" c={c.claimedAt ? undefined : 'dimmed'}>{qualifierInWords(c.claimedAt) || '—'}</Text></Table.Td>
              <Table.Td>
                {titles.length === 0 ? <Text size="sm" c="dimmed">No evidence</Text> : (
                  <Tooltip label={titles.join('\n')} multiline maw={360} disabled={titles.length < 2}>
                    <Text size="sm" lineClamp={2} maw={220}>{titles[0]}{titles.length > 1 ? ` +${titles.length - 1}` : ''}</Text>
                  </Tooltip>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
