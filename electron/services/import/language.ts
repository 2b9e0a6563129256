/** A light language guess from very common words; '' when unsure. No dependency, no model. */

const STOPWORDS: Record<string, readonly string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'with', 'was', 'on', 'said', 'will', 'are'],
  de: ['der', 'die', 'und', 'das', 'nicht', 'ist', 'ein', 'eine', 'mit', 'sich', 'auf', 'den', 'dem', 'auch'],
  fr: ['le', 'la', 'les', 'et', 'des', 'est', 'une', 'dans', 'pour', 'qui', 'que', 'pas', 'sur', 'du'],
  es: ['el', 'la', 'los', 'las', 'y', 'que', 'en', 'por', 'una', 'con', 'para', 'del', 'es', 'se'],
  it: ['il', 'di', 'che', 'e', 'la', 'per', 'non', 'una', 'con', 'del', 'della', 'sono', 'gli', 'anche'],
  pt: ['o', 'a', 'os', 'que', 'e', 'do', 'da', 'em', 'um', 'uma', 'para', 'com', 'não', 'por'],
  nl: ['de', 'het', 'een', 'en', 'van', 'is', 'dat', 'niet', 'op', 'te', 'met', 'voor', 'zijn', 'ook'],
  tr: ['ve', 'bir', 'bu', 'da', 'de', 'için', 'ile', 'olarak', 'çok', 'daha', 'gibi', 'olan', 'ama', 'değil'],
  ru: ['и', 'в', 'не', 'на', 'что', 'с', 'по', 'это', 'как', 'он', 'к', 'но', 'из', 'за'],
};

const SAMPLE_CHARS = 20_000;
const MIN_HITS = 8;

/** Returns an ISO 639-1 code when one language's common words clearly dominate the sample. */
export function guessLanguage(text: string): string {
  const words = text.slice(0, SAMPLE_CHARS).toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 20) return '';
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);

  const scores = Object.entries(STOPWORDS)
    .map(([lang, list]) => ({ lang, hits: list.reduce((sum, w) => sum + (counts.get(w) ?? 0), 0) }))
    .sort((a, b) => b.hits - a.hits);
  const [best, second] = scores;
  if (!best || best.hits < MIN_HITS || best.hits < words.length * 0.08) return '';
  // Closely related lists share words (la, de, que): demand a clear lead.
  return second && second.hits * 1.5 > best.hits ? '' : best.lang;
}
