/** Analyst-written Markdown to HTML: raw HTML is shown as text, links only to safe places, no external images. */
import { Marked, type Tokens } from 'marked';
import { escHtml } from './escape';

const SAFE_HREF = /^(https?:|mailto:|#)/i;

const marked = new Marked({ gfm: true, breaks: false, async: false });
marked.use({
  renderer: {
    // Raw HTML never passes through: it is displayed exactly as typed.
    html(token: Tokens.HTML | Tokens.Tag): string {
      const shown = escHtml(token.text);
      return 'block' in token && token.block ? `<p class="raw-html">${shown.trim()}</p>\n` : shown;
    },
    link({ href, title, tokens }: Tokens.Link): string {
      const inner = this.parser.parseInline(tokens);
      if (!SAFE_HREF.test(href.trim())) return inner;
      const t = title ? ` title="${escHtml(title)}"` : '';
      return `<a href="${escHtml(href.trim())}"${t}>${inner}</a>`;
    },
    // The document is standalone: an image would be an external resource, so its description stands in.
    image({ text }: Tokens.Image): string {
      return `<span class="img-alt">[image: ${escHtml(text)}]</span>`;
    },
    // Headings inside a block sit below the section heading (h2) and the block heading level.
    heading({ tokens, depth }: Tokens.Heading): string {
      const level = Math.min(6, depth + 2);
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
  },
});

export function markdownToHtml(markdown: string): string {
  return marked.parse(markdown) as string;
}
