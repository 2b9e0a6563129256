/** CSL-JSON, BibTeX and RIS of sources: exact output for Unicode names, partial dates, organisations and capture dates. */
import { describe, expect, it } from 'vitest';
import type { Source } from '../domain/types';
import { referenceOf, toBibTeX, toCslJson, toRis } from './references';
import { dateParts, splitName } from './names';

const source = (id: string, meta: Partial<Source['meta']>, extra: Partial<Source> = {}): Source => ({
  id, kind: 'html', fileName: '', contentHash: 'h', textLength: 1, reliability: 'B', createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z',
  meta: { title: '', authors: [], publisher: '', publishedAt: '', url: '', language: '', ...meta }, ...extra,
});

const erdogan = source('s1', {
  title: 'Erdoğan & Tokayev: 50% more trade_volume by {2030}', authors: ['Recep Tayyip Erdoğan', 'Қасым-Жомарт Тоқаев'],
  publisher: 'Anadolu Agency', publishedAt: '2022-10-12', url: 'https://www.aa.com.tr/en/politics/x_y', language: 'tr',
}, { capture: { capturedAt: '2024-05-02T08:15:00.000Z' } as Source['capture'] });
const monthOnly = source('s2', { title: 'Middle Corridor outlook', authors: ['von der Leyen, Ursula', 'World Bank'], publishedAt: '2024-03' }, { kind: 'text' });
const yearOnly = source('s3', { title: 'Ортаазиялық дәліз', authors: ['Ursula von der Leyen'], publishedAt: '2023', language: 'kk' }, { kind: 'pdf' });

describe('names and dates', () => {
  it('splits given and family names, keeps particles with the family name and organisations whole', () => {
    expect(splitName('Recep Tayyip Erdoğan')).toEqual({ family: 'Erdoğan', given: 'Recep Tayyip' });
    expect(splitName('Қасым-Жомарт Тоқаев')).toEqual({ family: 'Тоқаев', given: 'Қасым-Жомарт' });
    expect(splitName('Tokayev, Kassym-Jomart')).toEqual({ family: 'Tokayev', given: 'Kassym-Jomart' });
    expect(splitName('Ursula von der Leyen')).toEqual({ family: 'Leyen', given: 'Ursula', particle: 'von der' });
    expect(splitName('Anadolu Agency')).toEqual({ literal: 'Anadolu Agency' });
    expect(splitName('Reuters')).toEqual({ literal: 'Reuters' });
  });
  it('reads YYYY, YYYY-MM, YYYY-MM-DD and timestamps, and refuses anything else', () => {
    expect(dateParts('2023')).toEqual([2023]);
    expect(dateParts('2024-03')).toEqual([2024, 3]);
    expect(dateParts('2022-10-12')).toEqual([2022, 10, 12]);
    expect(dateParts('2024-05-02T08:15:00.000Z')).toEqual([2024, 5, 2]);
    expect(dateParts('2024-13')).toBeNull();
    expect(dateParts('March 2024')).toBeNull();
  });
});

describe('reference formats', () => {
  const refs = [erdogan, monthOnly, yearOnly].map(referenceOf);

  it('CSL-JSON: names split, partial dates as date-parts, accessed from the capture', () => {
    expect(JSON.parse(toCslJson(refs))).toEqual([
      {
        id: 's1', type: 'webpage', title: 'Erdoğan & Tokayev: 50% more trade_volume by {2030}',
        author: [{ family: 'Erdoğan', given: 'Recep Tayyip' }, { family: 'Тоқаев', given: 'Қасым-Жомарт' }],
        publisher: 'Anadolu Agency', 'container-title': 'Anadolu Agency', issued: { 'date-parts': [[2022, 10, 12]] },
        accessed: { 'date-parts': [[2024, 5, 2]] }, URL: 'https://www.aa.com.tr/en/politics/x_y', language: 'tr',
      },
      {
        id: 's2', type: 'document', title: 'Middle Corridor outlook',
        author: [{ family: 'von der Leyen', given: 'Ursula' }, { literal: 'World Bank' }], issued: { 'date-parts': [[2024, 3]] },
      },
      {
        id: 's3', type: 'document', title: 'Ортаазиялық дәліз', author: [{ family: 'Leyen', given: 'Ursula', 'non-dropping-particle': 'von der' }],
        issued: { 'date-parts': [[2023]] }, language: 'kk',
      },
    ]);
  });

  it('BibTeX (biblatex): syntax characters escaped, Unicode kept, organisations braced, ASCII keys made unique', () => {
    expect(toBibTeX([...refs, referenceOf(source('s4', { title: 'Second', authors: ['Recep Tayyip Erdoğan'], publishedAt: '2022-01-05' }))])).toBe([
      '@online{erdogan2022,',
      '  title = {{Erdoğan \\& Tokayev: 50\\% more trade\\_volume by \\{2030\\}}},',
      '  author = {Erdoğan, Recep Tayyip and Тоқаев, Қасым-Жомарт},',
      '  organization = {Anadolu Agency},',
      '  date = {2022-10-12},',
      '  year = {2022},',
      '  url = {https://www.aa.com.tr/en/politics/x_y},',
      '  urldate = {2024-05-02},',
      '  langid = {tr}',
      '}',
      '',
      '@misc{vonderleyen2024,',
      '  title = {{Middle Corridor outlook}},',
      '  author = {von der Leyen, Ursula and {World Bank}},',
      '  date = {2024-03},',
      '  year = {2024}',
      '}',
      '',
      '@misc{leyen2023,',
      '  title = {{Ортаазиялық дәліз}},',
      '  author = {von der Leyen, Ursula},',
      '  date = {2023},',
      '  year = {2023},',
      '  langid = {kk}',
      '}',
      '',
      '@misc{erdogan2022a,',
      '  title = {{Second}},',
      '  author = {Erdoğan, Recep Tayyip},',
      '  date = {2022-01-05},',
      '  year = {2022}',
      '}',
      '',
    ].join('\n'));
  });

  it('RIS: one tag a line, CRLF, dates as YYYY/MM/DD/ with unknown parts empty, ER closing each record', () => {
    expect(toRis(refs.slice(0, 2)).split('\r\n')).toEqual([
      'TY  - ELEC',
      'TI  - Erdoğan & Tokayev: 50% more trade_volume by {2030}',
      'AU  - Erdoğan, Recep Tayyip',
      'AU  - Тоқаев, Қасым-Жомарт',
      'PY  - 2022',
      'DA  - 2022/10/12/',
      'PB  - Anadolu Agency',
      'UR  - https://www.aa.com.tr/en/politics/x_y',
      'Y2  - 2024/05/02/',
      'LA  - tr',
      'ER  - ',
      '',
      'TY  - GEN',
      'TI  - Middle Corridor outlook',
      'AU  - von der Leyen, Ursula',
      'AU  - World Bank',
      'PY  - 2024',
      'DA  - 2024/03//',
      'ER  - ',
      '',
    ]);
  });
});
