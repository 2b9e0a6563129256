/** Deterministic multilingual text (Turkish, accents, Arabic, Hebrew, Korean, emoji) for anchoring tests and benchmarks. */
import { normaliseText } from '../../shared/anchoring/offsets';

/** A seeded PRNG (mulberry32): same seed, same sequence, on every machine. Returns floats in [0, 1). */
export function createPrng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [min, max] drawn from `random`. */
export const randomInt = (random: () => number, min: number, max: number): number =>
  min + Math.floor(random() * (max - min + 1));

const WORD_POOLS: readonly (readonly string[])[] = [
  ['the', 'analyst', 'report', 'border', 'agreement', 'minister', 'said', 'will', 'continue', 'support',
    'stability', 'peace', 'energy', 'trade', 'cooperation', 'of', 'and', 'in', 'a', 'to', 'concatenate', 'cat'],
  ['İstanbul', 'görüşme', 'işbirliği', 'güçlü', 'Türkiye', 'değişim', 'çalışma', 'şehir', 'ılımlı', 'Ağrı',
    'İzmir', 'öğrenci', 'açıklama', 'Erdoğan', 've', 'bir'],
  ['café', 'naïve', 'résumé', 'São', 'Ñandú', 'crème', 'Zürich', 'Kraków', 'Đorđe', 'façade', 'cafe\u0301',
    'q\u0307uark', 'x\u0323\u0307'],
  ['السلام', 'عليكم', 'الاتحاد', 'الأوروبي', 'وزارة', 'الخارجية', 'مؤتمر', 'שלום', 'ירושלים', 'ממשלה', 'הסכם'],
  ['서울', '협력', '東京', '合作', 'Москва', 'договор'],
  ['😀', '👩‍🔬', '👍🏽', '🇹🇷', '❤️', '👨‍👩‍👧‍👦', '🔥', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢'],
];
/** How often each pool is drawn (English dominates, like real sources). */
const POOL_WEIGHTS = [0.45, 0.2, 0.12, 0.1, 0.05, 0.08];
const PUNCTUATION = [',', ';', ' —', ':'];
const SENTENCE_ENDS = ['.', '!', '?', '…', '."', '.»'];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function pickWord(random: () => number): string {
  let roll = random();
  for (let pool = 0; pool < WORD_POOLS.length; pool += 1) {
    roll -= POOL_WEIGHTS[pool] ?? 0;
    if (roll < 0) return pick(random, WORD_POOLS[pool] ?? []);
  }
  return pick(random, WORD_POOLS[0] ?? []);
}

function sentence(random: () => number): string {
  const words: string[] = [];
  const count = randomInt(random, 5, 18);
  for (let i = 0; i < count; i += 1) {
    let word = pickWord(random);
    if (i < count - 1 && random() < 0.08) word += pick(random, PUNCTUATION);
    words.push(word);
  }
  return words.join(' ') + pick(random, SENTENCE_ENDS);
}

/**
 * Paragraphs of sentences: lines split by "\n", paragraphs by "\n\n". Returned in canonical
 * form (normaliseText), at least `minLength` code units long (it stops after the paragraph that gets there).
 */
export function syntheticText(seed: number, minLength: number): string {
  const random = createPrng(seed);
  const paragraphs: string[] = [];
  let length = 0;
  while (length < minLength) {
    const lines: string[] = [];
    const lineCount = randomInt(random, 1, 4);
    for (let line = 0; line < lineCount; line += 1) {
      const sentences: string[] = [];
      const sentenceCount = randomInt(random, 1, 4);
      for (let s = 0; s < sentenceCount; s += 1) sentences.push(sentence(random));
      lines.push(sentences.join(' '));
    }
    const paragraph = lines.join('\n');
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  return normaliseText(paragraphs.join('\n\n'));
}
