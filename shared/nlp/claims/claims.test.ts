/** suggestClaims: quotations and reported speech in English, Russian, Kazakh and Turkish, with exact evidence spans. */
import { describe, expect, it } from 'vitest';
import { suggestClaims } from './index';
import { suggestEntities } from '../index';

const one = (text: string) => {
  const found = suggestClaims(text);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('suggestClaims', () => {
  it('attributes a quotation to the speaker after it, with the sentence as exact evidence', () => {
    const text = 'Talks ended late. “We will not give up the corridor,” Erdoğan said on Friday.';
    const c = one(text);
    expect(c).toMatchObject({ statement: 'We will not give up the corridor', quoted: true, type: 'prediction' });
    expect(c.claimant?.name).toBe('Erdoğan');
    expect(text.slice(c.evidence.start, c.evidence.end)).toBe('“We will not give up the corridor,” Erdoğan said on Friday.');
  });

  it('reads "X said that …", "X told reporters that …" and denials', () => {
    expect(one('Chief executive Daniel Brook told reporters that the plant would close in May.')).toMatchObject({
      statement: 'the plant would close in May', type: 'prediction', claimant: { name: 'Daniel Brook', type: 'person' },
    });
    expect(one('Halvorsen Shipping AG denied that it had sold the tanker.')).toMatchObject({
      type: 'denial', claimant: { name: 'Halvorsen Shipping AG', type: 'organisation' },
    });
  });

  it('reads "according to X", leading or trailing, and resolves "he said" to the last person named', () => {
    expect(one('According to the Kremlin, the meeting will take place in June.').claimant?.name).toBe('Kremlin');
    expect(one('The firm plans to open an office in Baku, according to its chairman, Rauf Mammadli.')).toMatchObject({
      type: 'intention', claimant: { name: 'Rauf Mammadli' },
    });
    const two = suggestClaims('Minister Amir Saidov visited Osh. “The bridge reaches the border,” he said.');
    expect(two[0]?.claimant?.name).toBe('Amir Saidov');
  });

  it('leaves the claimant empty when the text names no one', () => {
    expect(one('The ports will double capacity by 2027, officials said on Thursday.').claimant).toBeNull();
  });

  it('matches a claimant to a known entity by alias', () => {
    const known = [{ id: 'k1', name: 'Recep Tayyip Erdoğan', aliases: ['Erdogan'], type: 'person' as const }];
    expect(suggestClaims('“The corridor is open,” Erdogan said.', known)[0]?.claimant?.entityId).toBe('k1');
  });

  it('reads Russian speech verbs, «…» quotations and «по словам»', () => {
    expect(one('«Мы договорились о новых поставках», — заявил Владимир Путин.')).toMatchObject({
      statement: 'Мы договорились о новых поставках', quoted: true, claimant: { name: 'Владимир Путин' },
    });
    expect(one('По словам Пескова, встреча состоится в июне.').statement).toBe('встреча состоится в июне');
    expect(one('Песков опроверг сообщения о переговорах.').type).toBe('denial');
  });

  it('reads Kazakh деді / мәлімдеді and Turkish dedi / -e göre, stripping suffixes from the claimant', () => {
    expect(one('«Біз жаңа жол саламыз», — деді Тоқаев.').claimant?.name).toBe('Тоқаев');
    expect(one('Бүгін Ердоған келісім жыл соңында бекітілетінін мәлімдеді.').claimant?.name).toBe('Ердоған');
    expect(one('Cumhurbaşkanı Erdoğan, "Koridoru birlikte güçlendireceğiz" dedi.').claimant?.name).toBe('Erdoğan');
    const turkish = one("Tokayev'e göre, zirve kasımda yapılacak.");
    expect(turkish).toMatchObject({ claimant: { surface: 'Tokayev' }, statement: 'zirve kasımda yapılacak', type: 'prediction' });
  });

  it('takes entity suggestions already computed, and suggests nothing for text without speech', () => {
    const text = 'Shares of Kaspi rose 3% in London.';
    expect(suggestClaims(text, [], suggestEntities(text))).toEqual([]);
  });
});
