/** Analyst Markdown made safe and consistent for the Markdown export: raw HTML shown as text, headings nested below sections. */

const FENCE = /^\s{0,3}(```|~~~)/;
const AUTOLINK = /<((?:https?:\/\/|mailto:)[^\s<>]+)>/g;

/** `<` outside code becomes `&lt;` (autolinks kept), so no raw HTML reaches a Markdown renderer. */
function escapeLine(line: string): string {
  // Odd-indexed parts are inline code spans (between backtick runs) and stay as typed.
  return line.split(/(`+[^`]*`+)/).map((part, i) => {
    if (i % 2 === 1) return part;
    const kept: string[] = [];
    // Private-use characters mark the kept autolinks while the rest is escaped.
    const marked = part.replace(AUTOLINK, (_m, url: string) => `\uE000${kept.push(url) - 1}\uE001`);
    return marked.replace(/</g, '&lt;').replace(/\uE000(\d+)\uE001/g, (_m, i: string) => `<${kept[Number(i)]}>`);
  }).join('');
}

export function safeMarkdown(markdown: string, headingShift = 2): string {
  let inFence = false;
  return markdown.split(/\r?\n/).map((line) => {
    if (FENCE.test(line)) {
      inFence = !inFence;
      return line;
    }
    if (inFence) return line;
    const heading = /^(\s{0,3})(#{1,6})(\s)/.exec(line);
    const shifted = heading ? `${heading[1]}${'#'.repeat(Math.min(6, heading[2]!.length + headingShift))}${line.slice(heading[0].length - 1)}` : line;
    return escapeLine(shifted);
  }).join('\n');
}
