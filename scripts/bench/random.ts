/** Seeded randomness for generated workspaces: ids, picks, dates, multilingual names and sentences. */
import { createPrng, randomInt } from '../../tests/support/synthetic-text';

export class Rng {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = createPrng(seed);
  }

  float(): number {
    return this.next();
  }

  int(min: number, max: number): number {
    return randomInt(this.next, min, max);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** `count` distinct picks (fewer when the list is shorter). */
  some<T>(items: readonly T[], count: number): T[] {
    const out = new Set<T>();
    const want = Math.min(count, items.length);
    while (out.size < want) out.add(this.pick(items));
    return [...out];
  }

  /** A UUID-shaped id (same length as the app's crypto.randomUUID ids), deterministic. */
  uuid(): string {
    let hex = '';
    for (let i = 0; i < 4; i++) hex += Math.floor(this.next() * 0x100000000).toString(16).padStart(8, '0');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  /** An ISO timestamp within the two years before `base`. */
  stamp(base = Date.UTC(2026, 10, 1)): string {
    return new Date(base - Math.floor(this.next() * 730 * 86_400_000)).toISOString();
  }

  /** A YYYY-MM-DD (or, sometimes, YYYY or YYYY-MM) date as analysts type them. */
  day(): string {
    const full = this.stamp().slice(0, 10);
    const r = this.next();
    return r < 0.1 ? full.slice(0, 4) : r < 0.2 ? full.slice(0, 7) : full;
  }
}

const FIRST = ['Ayşe', 'Mehmet', 'İbrahim', 'Gülşen', 'Çağla', 'Ömer', 'Şükrü', 'Ilgın', 'Mustafa', 'Zeynep',
  'José', 'Zoë', 'François', 'Łukasz', 'Søren', 'Anaïs', 'Renée', 'محمد', 'فاطمة', 'عبد الله', 'Kassym-Jomart',
  'Olena', 'Đorđe', 'Yusuf', 'Hatice', 'Emine', 'Sergei', 'Maria', 'Ahmet', 'Leyla'];
const LAST = ['Yılmaz', 'Öztürk', 'Çelik', 'Şahin', 'Doğan', 'Kılıç', 'Aydın', 'Erdoğan', 'Gümüş', 'Güneş',
  'Müller', 'Núñez', 'García', 'Lefèvre', 'Kowalczyk', 'Ødegaard', 'الحسيني', 'العبدالله', 'Tokayev', 'Kovalenko',
  'Petrović', 'Demir', 'Arslan', 'Koç', 'Aksoy', 'Bayraktar', 'Ivanova', 'Haddad', 'Nazarbayev', 'Akın'];
const ORG_HEADS = ['Ministry of', 'Bakanlığı', 'Council of', 'Agency for', 'Office of', 'Directorate of', 'وزارة'];
const ORG_TAILS = ['Foreign Affairs', 'Dışişleri', 'Energy', 'Enerji ve Tabii Kaynaklar', 'Defence', 'Trade', 'الخارجية',
  'Security', 'İçişleri', 'Économie'];
const PLACES = ['İstanbul', 'Ankara', 'İzmir', 'Şanlıurfa', 'Diyarbakır', 'Gaziantep', 'Muğla', 'Eskişehir', 'Astana',
  'Almaty', 'Bakü', 'Kyiv', 'Zürich', 'Kraków', 'São Paulo', 'Bruxelles', 'القاهرة', 'بغداد', 'Tiflis', 'Çanakkale'];
const WORDS = ['the', 'minister', 'said', 'talks', 'border', 'agreement', 'pipeline', 'sanctions', 'delegation',
  'görüşme', 'işbirliği', 'güvenlik', 'açıklama', 'anlaşma', 'sınır', 'ılımlı', 'ğ', 'café', 'résumé', 'naïve',
  'الاتحاد', 'مؤتمر', 'security', 'energy', 'trade', 'ceasefire', 'summit', 'regional', 'stability', '🇹🇷', '👍🏽', '🔥'];

export const personName = (r: Rng): string => `${r.pick(FIRST)} ${r.pick(LAST)}`;
export const orgName = (r: Rng): string => `${r.pick(ORG_HEADS)} ${r.pick(ORG_TAILS)}${r.chance(0.3) ? ` (${r.pick(PLACES)})` : ''}`;
export const placeName = (r: Rng): string => `${r.pick(PLACES)}${r.chance(0.4) ? ` ${r.int(1, 99)}` : ''}`;

export function sentence(r: Rng, min: number, max: number): string {
  const words: string[] = [];
  const n = r.int(min, max);
  for (let i = 0; i < n; i++) words.push(r.chance(0.08) ? r.pick(PLACES) : r.pick(WORDS));
  const s = words.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1) + '.';
}
