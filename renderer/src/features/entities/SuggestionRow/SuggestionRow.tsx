/** One proposed entity: name, editable type, mentions (click: show the first), variants; accept, merge into, dismiss. */
import { Anchor, Badge, Button, Group, Popover, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { EntitySuggestionView, EntitySummary } from '../../../../../shared/contract/views-analysis';
import type { EntityType } from '../../../../../shared/domain/types';
import { createEntity, dismissSuggestion, updateEntity } from '../../../api/analysisMutations';
import { notifyInfo, notifySuccess } from '../../../api/notify';
import { ENTITY_TYPE_OPTIONS, ENTITY_TYPE_STYLE, isEntityType } from '../../common/lib/entityTypes';
import { aliasesAfterMerge, aliasesForAccepted } from '../../common/lib/suggestionAliases';
import { hrefFor } from '../../../routes/useRoute';
import type { TextRange } from '../../common/lib/selectionOffsets';
import { IconCheck, IconX } from '../../analysis/AnalysisIcons/AnalysisIcons';
import { EntitySelect } from '../EntitySelect/EntitySelect';
import { IconMerge } from '../../common/Icons/Icons';
import classes from './SuggestionRow.module.css';

export interface SuggestionRowProps {
  suggestion: EntitySuggestionView;
  sourceId: string;
  entities: EntitySummary[];
  onReveal: (range: TextRange) => void;
}

function MergeInto({ suggestion, entities }: { suggestion: EntitySuggestionView; entities: EntitySummary[] }) {
  const [opened, setOpened] = useState(false);
  const [target, setTarget] = useState<string | null>(suggestion.matchesEntityId);
  const [busy, setBusy] = useState(false);
  const merge = async () => {
    const entity = entities.find((e) => e.id === target);
    if (!entity) return;
    setBusy(true);
    const saved = await updateEntity({ id: entity.id, aliases: aliasesAfterMerge(entity, suggestion) });
    setBusy(false);
    if (!saved) return;
    notifySuccess('Names added', `“${suggestion.name}” now resolves to “${saved.name}”.`);
    setOpened(false);
  };
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={300} withinPortal trapFocus shadow="md">
      <Popover.Target>
        <Button
          size="compact-xs" variant="default" leftSection={<IconMerge size={12} />} onClick={() => setOpened((o) => !o)}
          aria-label={`Merge into…: add ${suggestion.name} as aliases of an existing entity`} data-testid="suggestion-merge"
        >
          Merge into…
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Text size="xs" c="dimmed">Add “{suggestion.name}” and its variants as aliases of an existing entity.</Text>
          <EntitySelect label="Entity" value={target} onChange={setTarget} testId="suggestion-merge-target" withinPortal={false} />
          <Button size="xs" onClick={() => void merge()} disabled={!target} loading={busy} data-testid="suggestion-merge-submit">Add as aliases</Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

export function SuggestionRow({ suggestion, sourceId, entities, onReveal }: SuggestionRowProps) {
  const [type, setType] = useState<EntityType>(suggestion.type);
  const [busy, setBusy] = useState<'accept' | 'dismiss' | null>(null);
  const known = suggestion.matchesEntityId ? entities.find((e) => e.id === suggestion.matchesEntityId) : undefined;
  const otherVariants = suggestion.variants.filter((v) => v !== suggestion.name);
  const first = suggestion.occurrences[0];

  const accept = async () => {
    setBusy('accept');
    const created = await createEntity({ name: suggestion.name, type, aliases: aliasesForAccepted(suggestion.name, suggestion.variants) });
    setBusy(null);
    // Success shows in the row itself ("Already known"); a toast per accepted name would bury the screen.
    if (created?.existed) notifyInfo('Already known', `“${suggestion.name}” is the entity “${created.entity.name}”.`);
  };
  const dismiss = async () => {
    setBusy('dismiss');
    await dismissSuggestion({ sourceId, name: suggestion.name });
    setBusy(null);
  };

  return (
    <div className={classes.row} data-testid="suggestion-row" data-name={suggestion.name} data-known={known ? true : undefined}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <div style={{ minWidth: 0 }}>
          <Text fw={600} size="sm" className={classes.name}>{suggestion.name}</Text>
          <Group gap={6} mt={2}>
            <Anchor
              component="button" type="button" size="xs" onClick={() => first && onReveal(first)} disabled={!first}
              title="Show the first mention in the text" aria-label={`${suggestion.mentions} mention${suggestion.mentions === 1 ? '' : 's'} of ${suggestion.name}: show the first`}
              data-testid="suggestion-mentions"
            >
              {suggestion.mentions} mention{suggestion.mentions === 1 ? '' : 's'}
            </Anchor>
            {otherVariants.length > 0 && <Text size="xs" c="dimmed" truncate maw={200}>also “{otherVariants.join('”, “')}”</Text>}
          </Group>
        </div>
        {known ? (
          <Badge size="sm" variant="light" color="teal" component="a" href={hrefFor({ name: 'entity', entityId: known.id })} style={{ cursor: 'pointer', flexShrink: 0 }}
            aria-label={`${suggestion.name} is already known: open its page`} data-testid="suggestion-known"
          >
            Already known
          </Badge>
        ) : (
          <Select
            size="xs" w={140} data={ENTITY_TYPE_OPTIONS} value={type} allowDeselect={false} aria-label={`Type of ${suggestion.name}`}
            onChange={(v) => isEntityType(v) && setType(v)} comboboxProps={{ withinPortal: true }} data-testid="suggestion-type"
          />
        )}
      </Group>
      <Group gap={6} mt={8} justify="flex-end">
        {!known && (
          <Button size="compact-xs" leftSection={<IconCheck size={12} />} onClick={() => void accept()} loading={busy === 'accept'}
            aria-label={`Accept ${suggestion.name} as ${ENTITY_TYPE_STYLE[type].label.toLowerCase()}`} data-testid="suggestion-accept"
          >
            Accept
          </Button>
        )}
        <MergeInto suggestion={suggestion} entities={entities} />
        <Button size="compact-xs" variant="subtle" color="gray" leftSection={<IconX size={12} />} onClick={() => void dismiss()} loading={busy === 'dismiss'}
          aria-label={`Dismiss ${suggestion.name}`} data-testid="suggestion-dismiss"
        >
          Dismiss
        </Button>
      </Group>
    </div>
  );
}
