/** Turns a (sanitised) DOM subtree into readable plain text: one paragraph per block, blank lines between. */

/** Elements whose content is never readable text (code, styling, embedded documents, form controls). */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed',
  'svg', 'math', 'canvas', 'video', 'audio', 'head', 'title', 'meta', 'link', 'button', 'select',
  'option', 'textarea', 'input', 'img', 'picture', 'source', 'track', 'map',
]);

/** Elements that start and end a paragraph. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog',
  'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Collects paragraphs; inline text accumulates until the next block boundary. */
class ParagraphCollector {
  readonly paragraphs: string[] = [];
  private inline = '';

  addText(text: string): void {
    this.inline += text.replace(/\s+/g, ' ');
  }

  lineBreak(): void {
    this.inline += '\n';
  }

  cellSeparator(): void {
    if (this.inline.trim() !== '') this.inline += ' | ';
  }

  addPreformatted(text: string): void {
    this.flush();
    // Blank lines mean "new paragraph" in the snapshot, so inside <pre> they are dropped.
    const lines = text.split(/\r?\n/).map((line) => line.replace(/\s+$/, '')).filter((line) => line.trim() !== '');
    if (lines.length > 0) this.paragraphs.push(lines.join('\n'));
  }

  flush(): void {
    const lines = this.inline
      .split('\n')
      .map((line) => line.replace(/ {2,}/g, ' ').trim())
      .filter((line) => line !== '');
    if (lines.length > 0) this.paragraphs.push(lines.join('\n'));
    this.inline = '';
  }
}

function walk(node: Node, out: ParagraphCollector): void {
  if (node.nodeType === TEXT_NODE) {
    out.addText(node.nodeValue ?? '');
    return;
  }
  if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 11 /* fragment */ && node.nodeType !== 9 /* document */) {
    return; // comments, processing instructions
  }
  const tag = node.nodeType === ELEMENT_NODE ? (node as Element).localName.toLowerCase() : '';
  if (SKIPPED.has(tag)) return;
  if (tag === 'br') return out.lineBreak();
  if (tag === 'pre') return out.addPreformatted(textOutsideSkipped(node));
  if ((tag === 'td' || tag === 'th') && (node as Element).previousElementSibling) out.cellSeparator();

  const isBlock = BLOCKS.has(tag);
  if (isBlock) out.flush();
  for (let child = node.firstChild; child; child = child.nextSibling) walk(child, out);
  if (isBlock) out.flush();
}

/** Text content with whitespace kept, minus anything under a skipped element. */
function textOutsideSkipped(node: Node): string {
  if (node.nodeType === TEXT_NODE) return node.nodeValue ?? '';
  if (node.nodeType !== ELEMENT_NODE) return '';
  const tag = (node as Element).localName.toLowerCase();
  if (SKIPPED.has(tag)) return '';
  if (tag === 'br') return '\n';
  let text = '';
  for (let child = node.firstChild; child; child = child.nextSibling) text += textOutsideSkipped(child);
  return text;
}

/** Paragraphs of the subtree, joined by a blank line; '' when it holds no readable text. */
export function domToText(root: Node): string {
  const out = new ParagraphCollector();
  walk(root, out);
  out.flush();
  return out.paragraphs.join('\n\n');
}
