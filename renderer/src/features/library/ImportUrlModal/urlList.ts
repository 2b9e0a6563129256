/** Reads the URL dialog's text (one address per line) and what a drop or paste carries (text/uri-list, plain text). */

export interface UrlProblem {
  line: number;
  text: string;
  message: string;
}

export interface UrlList {
  /** Valid http(s) addresses, in the order given, each once. */
  urls: string[];
  problems: UrlProblem[];
}

/** Why a line is not a web address, or null when it is one. */
export function urlProblem(text: string): string | null {
  if (text.length > 2000) return 'longer than 2,000 characters';
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return /^[\w.-]+\.[a-z]{2,}(\/|$)/i.test(text)
      ? 'not a full address: add https:// in front'
      : 'not a web address (it must start with http:// or https://)';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `only http and https addresses can be captured, not ${parsed.protocol.slice(0, -1)}:`;
  if (!parsed.hostname) return 'the address has no host name';
  return null;
}

/** One address per line; blank lines are skipped, repeats are taken once, anything else is reported with its line. */
export function parseUrlList(text: string): UrlList {
  const urls: string[] = [];
  const problems: UrlProblem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const problem = urlProblem(line);
    if (problem) problems.push({ line: index + 1, text: line, message: problem });
    else if (!urls.includes(line)) urls.push(line);
  });
  return { urls, problems };
}

/**
 * The web addresses a drop or paste carries, or [] when it carries something else (then it is left alone: a paste
 * of ordinary text is not a request to import). text/uri-list lines starting with # are comments (RFC 2483).
 */
export function urlsInTransfer(uriList: string, plain: string): string[] {
  const fromList = uriList.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const lines = fromList.length > 0 ? fromList : plain.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (lines.length === 0 || lines.some((l) => urlProblem(l) !== null)) return [];
  return [...new Set(lines)];
}
