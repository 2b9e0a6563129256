/** The reader header's "Pages | Text" switch for a PDF source kept with its pages. */
import { SegmentedControl } from '@mantine/core';

export type ReaderViewMode = 'pages' | 'text';

export function PdfViewToggle({ mode, onChange }: { mode: ReaderViewMode; onChange: (mode: ReaderViewMode) => void }) {
  return (
    <SegmentedControl
      size="xs" value={mode} onChange={(v) => onChange(v as ReaderViewMode)} aria-label="View" data-testid="reader-view-toggle"
      data={[
        { value: 'pages', label: <span data-testid="reader-view-pages" data-active={mode === 'pages' || undefined}>Pages</span> },
        { value: 'text', label: <span data-testid="reader-view-text" data-active={mode === 'text' || undefined}>Text</span> },
      ]}
    />
  );
}
