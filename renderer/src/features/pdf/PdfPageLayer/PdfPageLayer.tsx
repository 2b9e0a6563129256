/** The interactive layer over one rendered PDF page: highlights, selection → highlight, area tool. (Placeholder until built.) */
import type { PdfPageInfo } from '../../../../../shared/domain/pdf';

export interface PdfPageLayerProps {
  sourceId: string;
  /** 1-based page number. */
  page: number;
  info: PdfPageInfo;
  /** CSS pixels per PDF point at the current zoom. */
  scale: number;
  /** The page's displayed size in CSS pixels (info.width/height × scale). */
  widthPx: number;
  heightPx: number;
  /** pdf.js's text layer for this page once built (spans in text-content order), else null. */
  textLayer: HTMLDivElement | null;
  /** The rendered page canvas (for area crops), else null. */
  canvas: HTMLCanvasElement | null;
}

export function PdfPageLayer(props: PdfPageLayerProps) {
  void props;
  return null;
}
