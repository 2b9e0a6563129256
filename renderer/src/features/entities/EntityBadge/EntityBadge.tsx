/** An entity's type as a coloured badge with its icon, and a link to an entity's page. */
import { Anchor, Badge, Group, ThemeIcon, type MantineSize } from '@mantine/core';
import type { EntityType } from '../../../../../shared/domain/types';
import { ENTITY_TYPE_STYLE } from '../../common/lib/entityTypes';
import { hrefFor } from '../../../routes/useRoute';
import { EntityTypeIcon } from '../../analysis/AnalysisIcons/AnalysisIcons';

export function EntityTypeBadge({ type, size = 'sm' }: { type: EntityType; size?: MantineSize }) {
  const style = ENTITY_TYPE_STYLE[type];
  return (
    <Badge
      size={size} variant="light" color={style.color} leftSection={<EntityTypeIcon type={type} size={12} />}
      data-testid="entity-type" data-type={type}
    >
      {style.label}
    </Badge>
  );
}

/** The type icon in a small coloured square: tells types apart by shape of the icon, not only colour. */
export function EntityTypeMark({ type, size = 26 }: { type: EntityType; size?: number }) {
  const style = ENTITY_TYPE_STYLE[type];
  return (
    <ThemeIcon size={size} radius="sm" variant="light" color={style.color} role="img" aria-label={style.label} title={style.label}>
      <EntityTypeIcon type={type} size={Math.round(size * 0.62)} />
    </ThemeIcon>
  );
}

export function EntityLink({ id, name, type }: { id: string; name: string; type?: EntityType }) {
  return (
    <Anchor href={hrefFor({ name: 'entity', entityId: id })} size="sm" data-testid="entity-link" onClick={(e) => e.stopPropagation()}>
      <Group gap={4} component="span" wrap="nowrap" style={{ display: 'inline-flex', verticalAlign: 'bottom' }}>
        {type && <EntityTypeIcon type={type} size={14} color={`var(--mantine-color-${ENTITY_TYPE_STYLE[type].color}-6)`} />}
        {name}
      </Group>
    </Anchor>
  );
}
