/** Escaping for everything that comes from user data: HTML text and attributes, Markdown inline text. */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and attribute values alike (quotes included). */
export function escHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/** Escapes text, keeping its line breaks visible as <br>. */
export function escHtmlLines(text: string): string {
  return escHtml(text).replace(/\r?\n/g, '<br>');
}

/** Escapes characters Markdown would read as syntax, so user text (names, statements) shows as typed. */
export function escMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|#~]/g, (ch) => `\\${ch}`)
    .replace(/\r?\n/g, ' ');
}

/** A single-line YAML scalar: JSON string syntax is valid YAML double-quoted syntax. */
export function yamlString(text: string): string {
  return JSON.stringify(text);
}
