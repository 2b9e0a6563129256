/** Tag colour swatches offered when creating or recolouring a tag. */

export const TAG_SWATCHES = [
  '#e03131', '#f08c00', '#f59f00', '#2f9e44', '#0c8599',
  '#1971c2', '#4263eb', '#7048e8', '#c2255c', '#495057',
];

/** A pleasant default for the n-th tag, so new tags are told apart without choosing. */
export const defaultTagColor = (n: number): string => TAG_SWATCHES[n % TAG_SWATCHES.length]!;

export const isHexColor = (value: string) => /^#[0-9a-fA-F]{6}$/.test(value);
