/** The page view's sidebar: the page list with thumbnails, and the outline tab when the document has one. */
import { Tabs } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { PdfPageInfo } from '../../../../../shared/domain/pdf';
import { resolveOutline, type OutlineEntry, type RawOutlineItem } from '../lib/outline';
import { PdfOutline } from '../PdfOutline/PdfOutline';
import { PdfThumb } from '../PdfThumb/PdfThumb';
import { InViewContext, useInViewRoot } from '../PdfThumb/useInView';
import classes from './PdfSidebar.module.css';

interface PdfSidebarProps {
  doc: PDFDocumentProxy | null;
  pages: readonly PdfPageInfo[];
  currentPage: number;
  onGo: (page: number) => void;
}

/** The outline with pages resolved, [] when the document has none (or it cannot be read). */
function useOutline(doc: PDFDocumentProxy | null): OutlineEntry[] {
  const [entries, setEntries] = useState<OutlineEntry[]>([]);
  useEffect(() => {
    setEntries([]);
    if (!doc) return;
    let live = true;
    void doc.getOutline()
      .then((items) => resolveOutline(doc, items as RawOutlineItem[] | null))
      .then((resolved) => live && setEntries(resolved))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [doc]);
  return entries;
}

function PageList({ doc, pages, currentPage, onGo }: PdfSidebarProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const watch = useInViewRoot(scrollRef, 300);
  // The current page's thumbnail stays in sight as the pages scroll.
  useEffect(() => {
    const el = scrollRef.current?.querySelector(`[data-page="${currentPage}"]`);
    if (el && 'scrollIntoView' in el) el.scrollIntoView({ block: 'nearest' });
  }, [currentPage]);
  return (
    <InViewContext.Provider value={watch}>
      <div ref={scrollRef} className={classes.scroll}>
        {pages.map((info, i) => (
          <PdfThumb key={i} doc={doc} page={i + 1} info={info} current={currentPage === i + 1} onGo={onGo} />
        ))}
      </div>
    </InViewContext.Provider>
  );
}

export function PdfSidebar(props: PdfSidebarProps) {
  const outline = useOutline(props.doc);
  const [tab, setTab] = useState<string | null>('pages');
  return (
    <aside className={classes.sidebar} data-testid="pdf-sidebar" aria-label="Pages and outline">
      <Tabs value={outline.length > 0 ? tab : 'pages'} onChange={setTab} className={classes.tabs} keepMounted={false}>
        <Tabs.List grow>
          <Tabs.Tab value="pages" data-testid="pdf-pages-tab">Pages</Tabs.Tab>
          {outline.length > 0 && <Tabs.Tab value="outline" data-testid="pdf-outline">Outline</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="pages" className={classes.panel}><PageList {...props} /></Tabs.Panel>
        {outline.length > 0 && (
          <Tabs.Panel value="outline" className={classes.panel}>
            <div className={classes.scroll}><PdfOutline entries={outline} onGo={props.onGo} /></div>
          </Tabs.Panel>
        )}
      </Tabs>
    </aside>
  );
}
