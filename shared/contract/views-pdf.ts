/** Replies of the PDF methods. */
import type { BlobRef } from '../domain/capture';

/** A kept original PDF: its reference and its bytes as base64 (the wire is JSON). */
export interface PdfOriginal {
  fileName: string;
  blob: BlobRef;
  dataBase64: string;
}

/** What re-importing a PDF did to an older text-only source of the same file (it now has its pages). */
export interface PdfUpgrade {
  sourceId: string;
  /** Highlights re-anchored in the new text (exact or moved). */
  carried: number;
  /** Highlights whose passage was not found again: kept, listed as orphans in the reader. */
  orphans: Array<{ id: string; exact: string }>;
}

/** An area highlight's image crop. */
export interface AreaImage {
  blob: BlobRef;
  dataBase64: string;
}
