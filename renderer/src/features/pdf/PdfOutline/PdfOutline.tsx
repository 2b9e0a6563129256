/** The document's outline (its bookmarks) as a list; an entry with a page goes there when clicked. */
import { UnstyledButton } from '@mantine/core';
import type { OutlineEntry } from '../lib/outline';
import classes from './PdfOutline.module.css';

export function PdfOutline({ entries, onGo }: { entries: readonly OutlineEntry[]; onGo: (page: number) => void }) {
  return (
    <nav aria-label="Document outline" className={classes.list} data-testid="pdf-outline-list">
      {entries.map((e, i) => (
        <UnstyledButton
          key={i} className={classes.entry} style={{ paddingLeft: 8 + e.depth * 12 }} disabled={e.page === null}
          onClick={() => e.page !== null && onGo(e.page)} data-testid="pdf-outline-entry" data-page={e.page ?? undefined}
        >
          <span className={classes.title} title={e.title}>{e.title}</span>
          {e.page !== null && <span className={classes.page}>{e.page}</span>}
        </UnstyledButton>
      ))}
    </nav>
  );
}
