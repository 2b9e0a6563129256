/** Finds every occurrence of a needle in a haystack: plain indexOf, or a q-gram index built once for many searches. */

/** Ascending start offsets of every occurrence of `needle` (overlapping ones included). */
export type OccurrenceFinder = (needle: string) => number[];

/** Scans with indexOf each time: no set-up cost, best for one or a few searches. */
export function scanningFinder(haystack: string): OccurrenceFinder {
  return (needle) => {
    const hits: number[] = [];
    if (needle.length === 0) return hits;
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) hits.push(at);
    return hits;
  };
}

const GRAM = 4;
const BUCKET_BITS = 20;

/** FNV-1a over the GRAM code units at `at`, reduced to BUCKET_BITS bits. */
function gramBucket(text: string, at: number): number {
  let hash = 0x811c9dc5;
  for (let k = 0; k < GRAM; k += 1) hash = Math.imul(hash ^ text.charCodeAt(at + k), 0x01000193);
  return hash >>> (32 - BUCKET_BITS);
}

/**
 * Indexes every 4-unit window of the haystack once (about 20 ms and 12 MB for 1 M units), then
 * answers each search by checking only the positions of the needle's rarest 4-gram. Why: re-anchoring
 * 2,000 highlights after a re-import would otherwise scan the whole text several times per highlight.
 */
export function indexedFinder(haystack: string): OccurrenceFinder {
  const windows = haystack.length - GRAM + 1;
  if (windows <= 0) return scanningFinder(haystack);
  const bucketOf = new Uint32Array(windows);
  const bucketStart = new Int32Array((1 << BUCKET_BITS) + 1);
  for (let at = 0; at < windows; at += 1) {
    const bucket = gramBucket(haystack, at);
    bucketOf[at] = bucket;
    bucketStart[bucket + 1] = (bucketStart[bucket + 1] ?? 0) + 1;
  }
  for (let b = 1; b < bucketStart.length; b += 1) bucketStart[b] = (bucketStart[b] ?? 0) + (bucketStart[b - 1] ?? 0);
  const positions = new Int32Array(windows);
  const cursor = bucketStart.slice(0, -1);
  for (let at = 0; at < windows; at += 1) {
    const bucket = bucketOf[at] ?? 0;
    positions[cursor[bucket] ?? 0] = at;
    cursor[bucket] = (cursor[bucket] ?? 0) + 1;
  }
  const scan = scanningFinder(haystack);

  return (needle) => {
    if (needle.length < GRAM) return scan(needle);
    let bestOffset = 0;
    let bestBucket = 0;
    let bestSize = Number.POSITIVE_INFINITY;
    for (let offset = 0; offset + GRAM <= needle.length; offset += 1) {
      const bucket = gramBucket(needle, offset);
      const size = (bucketStart[bucket + 1] ?? 0) - (bucketStart[bucket] ?? 0);
      if (size < bestSize) [bestOffset, bestBucket, bestSize] = [offset, bucket, size];
    }
    const hits: number[] = [];
    const from = bucketStart[bestBucket] ?? 0;
    const to = bucketStart[bestBucket + 1] ?? 0;
    for (let k = from; k < to; k += 1) {
      const at = (positions[k] ?? 0) - bestOffset;
      if (at >= 0 && haystack.startsWith(needle, at)) hits.push(at);
    }
    return hits;
  };
}

/** Searches a text scans up to, before the q-gram index pays for itself (it costs a few scans to build). */
const SCANS_BEFORE_INDEXING = 8;

/** Scans for the first few searches, then builds the q-gram index: cheap for one highlight, fast for thousands. */
export function adaptiveFinder(haystack: string, scansBeforeIndexing = SCANS_BEFORE_INDEXING): OccurrenceFinder {
  const scan = scanningFinder(haystack);
  let indexed: OccurrenceFinder | undefined;
  let searches = 0;
  return (needle) => {
    searches += 1;
    if (indexed === undefined && searches <= scansBeforeIndexing) return scan(needle);
    indexed ??= indexedFinder(haystack);
    return indexed(needle);
  };
}
