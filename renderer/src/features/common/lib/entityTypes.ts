/** How each entity type looks everywhere (lists, badges, graph): a label, a colour and a node shape. */
import { ENTITY_TYPES, type EntityType } from '../../../../../shared/domain/types';

export interface EntityTypeStyle {
  label: string;
  /** Mantine palette name for badges and icons. */
  color: string;
  /** The same colour as hex, for the graph canvas (which cannot read CSS variables). */
  hex: string;
  /** Cytoscape node shape: colour alone is not enough to tell types apart. */
  shape: 'ellipse' | 'round-rectangle' | 'diamond' | 'star' | 'hexagon';
  shapeLabel: string;
}

export const ENTITY_TYPE_STYLE: Record<EntityType, EntityTypeStyle> = {
  person: { label: 'Person', color: 'indigo', hex: '#4c6ef5', shape: 'ellipse', shapeLabel: 'circle' },
  organisation: { label: 'Organisation', color: 'teal', hex: '#0ca678', shape: 'round-rectangle', shapeLabel: 'rounded square' },
  place: { label: 'Place', color: 'orange', hex: '#f08c00', shape: 'diamond', shapeLabel: 'diamond' },
  event: { label: 'Event', color: 'grape', hex: '#ae3ec9', shape: 'star', shapeLabel: 'star' },
  other: { label: 'Other', color: 'gray', hex: '#868e96', shape: 'hexagon', shapeLabel: 'hexagon' },
};

export const ENTITY_TYPE_OPTIONS = ENTITY_TYPES.map((t) => ({ value: t, label: ENTITY_TYPE_STYLE[t].label }));

export const isEntityType = (value: string | null | undefined): value is EntityType =>
  (ENTITY_TYPES as readonly string[]).includes(value ?? '');
