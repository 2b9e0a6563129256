/**
 * The live preview: the exact HTML the PDF is printed from, in a sandboxed srcdoc frame (empty sandbox: no scripts,
 * no same-origin access; the HTML carries its own strict CSP too). Under the page CSP `frame-src 'none'` still
 * allows it: a srcdoc frame is not fetched from a URL and inherits the page's policy.
 */
import { Loader, Text } from '@mantine/core';
import classes from './DossierPreview.module.css';

export function DossierPreview({ html, updating }: { html: string | null; updating: boolean }) {
  return (
    <div className={classes.wrap}>
      <div className={classes.bar}>
        <Text size="xs" c="dimmed" fw={600} tt="uppercase">Printed preview</Text>
        {updating && <Loader size={12} data-testid="preview-updating" />}
      </div>
      {html === null ? <Loader m="md" size="sm" /> : (
        <iframe className={classes.frame} sandbox="" srcDoc={html} title="Printed preview of the dossier" data-testid="dossier-preview" />
      )}
    </div>
  );
}
