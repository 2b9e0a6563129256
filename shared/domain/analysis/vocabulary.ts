/** Relationship types the workbench knows, with their labels; any other type is a custom one kept as typed. */

export interface RelationshipTypeInfo {
  type: string;
  label: string;
  /** A symmetric type says the same thing in both directions (A meets B = B meets A). */
  symmetric: boolean;
}

export const RELATIONSHIP_VOCABULARY: readonly RelationshipTypeInfo[] = [
  { type: 'meets_with', label: 'meets with', symmetric: true },
  { type: 'supports', label: 'supports', symmetric: false },
  { type: 'opposes', label: 'opposes', symmetric: false },
  { type: 'awards', label: 'awards', symmetric: false },
  { type: 'member_of', label: 'member of', symmetric: false },
  { type: 'located_in', label: 'located in', symmetric: false },
  { type: 'trades_with', label: 'trades with', symmetric: true },
  { type: 'leads', label: 'leads', symmetric: false },
  { type: 'spokesperson_for', label: 'spokesperson for', symmetric: false },
];

const byType = new Map(RELATIONSHIP_VOCABULARY.map((v) => [v.type, v]));
const byLabel = new Map(RELATIONSHIP_VOCABULARY.map((v) => [v.label, v]));

/** The label to show: the vocabulary label, or a custom type exactly as the analyst typed it. */
export function relationshipLabel(type: string): string {
  return byType.get(type)?.label ?? type;
}

export function isSymmetricType(type: string): boolean {
  return byType.get(type)?.symmetric ?? false;
}

/**
 * The type to store for what the analyst typed: a vocabulary key or label in any case ("Member of",
 * "member_of") becomes the key; anything else is a custom type, kept as typed (trimmed).
 */
export function canonicalRelationshipType(typed: string): string {
  const trimmed = typed.trim();
  const lower = trimmed.toLowerCase().replace(/\s+/g, ' ');
  return byType.get(lower)?.type ?? byLabel.get(lower)?.type ?? byLabel.get(lower.replace(/_/g, ' '))?.type ?? trimmed;
}

/** Two relationships with the same key say the same thing (same type between the same pair). */
export function relationshipKey(r: { fromId: string; toId: string; type: string }): string {
  const [a, b] = isSymmetricType(r.type) && r.toId < r.fromId ? [r.toId, r.fromId] : [r.fromId, r.toId];
  return `${r.type}\u0000${a}\u0000${b}`;
}
