/**
 * The live preview: the exact HTML the PDF is printed from, in a sandboxed srcdoc frame. The sandbox allows only
 * same-origin (never scripts: the HTML carries its own strict CSP too) so the parent can read and restore the frame's
 * scroll position across refreshes. Under the page CSP `frame-src 'none'` still allows it: a srcdoc frame is not
 * fetched from a URL and inherits the page's policy.
 */
import { Loader, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import classes from './DossierPreview.module.css';

export function DossierPreview({ html, updating }: { html: string | null; updating: boolean }) {
  const frameRef = useRef<HTMLIFrameElement>(null);
  // Where the analyst was reading, kept across the reload a new srcdoc causes.
  const savedScrollY = useRef(0);
  // While a new document loads the frame's scrollY says nothing about the analyst: keep the last real one.
  const loading = useRef(false);

  useEffect(() => {
    const frame = frameRef.current;
    if (!frame || html === null) return;
    if (!loading.current) savedScrollY.current = frame.contentWindow?.scrollY ?? 0;
    loading.current = true;
    // Set imperatively (not as a prop) so the old position is read before the document is replaced.
    frame.srcdoc = html;
  }, [html]);

  const restoreScroll = () => {
    loading.current = false;
    frameRef.current?.contentWindow?.scrollTo(0, savedScrollY.current);
  };

  return (
    <div className={classes.wrap}>
      <div className={classes.bar}>
        <Text size="xs" c="dimmed" fw={600} tt="uppercase">Printed preview</Text>
        {updating && <Loader size={12} data-testid="preview-updating" />}
      </div>
      {html === null ? <Loader m="md" size="sm" /> : (
        <iframe
          ref={frameRef} className={classes.frame} sandbox="allow-same-origin" onLoad={restoreScroll}
          title="Printed preview of the dossier" data-testid="dossier-preview"
        />
      )}
    </div>
  );
}
