/** The interactive layer over one rendered PDF page: its highlights, selection → highlight (the reader's toolbar), and the area tool. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PdfPageInfo, PdfRect } from '../../../../../shared/domain/pdf';
import { PageTextMap } from '../../../../../shared/pdf/page-text-map';
import { OcrWordMap, ocrWordBoxes } from '../../../../../shared/pdf/ocr-words';
import { useReader } from '../../../api/hooks';
import { createHighlight } from '../../../api/mutations';
import { createAreaHighlight } from '../../../api/pdfMutations';
import type { HighlightColor } from '../../common/lib/highlightColors';
import type { TextRange } from '../../common/lib/selectionOffsets';
import { SelectionToolbar, type AfterCreate } from '../../reader/SelectionToolbar/SelectionToolbar';
import { usePdfView } from '../pdfViewContext';
import { AreaTool } from '../highlights/AreaTool';
import { cropCanvas } from '../highlights/cropCanvas';
import { usePdfHighlightBridge } from '../highlights/pdfHighlightBridge';
import { registerPage, type MountedPage } from '../highlights/pageRegistry';
import { pageSelection, selectionPlacement } from '../highlights/pageSelection';
import { layerSpans } from '../highlights/textLayerDom';
import { fillOcrLayer } from '../highlights/ocrTextLayer';
import { usePageHighlights } from '../highlights/usePageHighlights';
import { useHighlightClicks, useRevealRequest } from '../highlights/usePageInteractions';
import { usePageShortcut } from '../highlights/usePageShortcut';
import classes from '../highlights/PdfHighlights.module.css';

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

/**
 * This page's spans and their map onto the page's stored text, once the text layer is built. A scanned page's layer
 * (empty: pdf.js finds no text on an image) is filled with its OCR words, which map to the text directly.
 */
function useMountedPage(sourceId: string, page: number, info: PdfPageInfo, text: string | undefined, textLayer: HTMLDivElement | null, scale: number) {
  const [entry, setEntry] = useState<MountedPage | null>(null);
  useEffect(() => {
    if (!textLayer || text === undefined) {
      setEntry(null);
      return;
    }
    const { start, end, width, height, ocr, words: flat } = info;
    const words = ocr ? ocrWordBoxes({ start, end, width, height, rotation: 0, words: flat }) : [];
    let spans: HTMLElement[];
    let map: MountedPage['map'];
    if (words.length > 0) {
      const wordMap = new OcrWordMap(words, text);
      spans = fillOcrLayer(textLayer, words, wordMap.spans, width, height);
      map = wordMap;
    } else {
      spans = layerSpans(textLayer);
      map = new PageTextMap(spans.map((s) => s.textContent ?? ''), text.slice(start, end), start);
    }
    const next: MountedPage = { page, textLayer, spans, spanIndex: new Map(spans.map((s, i) => [s, i] as const)), map };
    setEntry(next);
    return registerPage(sourceId, next);
    // A new zoom may lay out a new text layer in the same element.
  }, [sourceId, page, info.start, info.end, info.ocr, info.words, info.width, info.height, text, textLayer, scale]);
  return entry;
}

export function PdfPageLayer(props: PdfPageLayerProps) {
  const { sourceId, page, info, scale, widthPx, heightPx, textLayer, canvas } = props;
  const { data: view } = useReader(sourceId);
  const bridge = usePdfHighlightBridge();
  const pdfView = usePdfView();
  const areaMode = pdfView?.areaMode ?? false;
  const rootRef = useRef<HTMLDivElement>(null);
  const entry = useMountedPage(sourceId, page, info, view?.text, textLayer, scale);
  const drawn = usePageHighlights(view?.highlights, page, info, entry, rootRef, scale, view?.text);
  useHighlightClicks(rootRef, drawn, bridge, areaMode);
  useRevealRequest(bridge, view, pdfView);

  // The reader's selection toolbar, fed by this page's map: only the page a selection starts on shows it.
  const textRef = useMemo(() => ({ current: textLayer as HTMLElement | null }), [textLayer]);
  const scrollRef = useMemo(() => ({ current: textLayer?.closest<HTMLElement>('[data-testid="pdf-view"]') ?? null }), [textLayer]);
  const rangeOf = useCallback((_root: HTMLElement, selection: Selection | null): TextRange | null => {
    if (areaMode) return null;
    const selected = pageSelection(sourceId, selection);
    return selected && selected.startPage.page === page ? selected.range : null;
  }, [sourceId, page, areaMode]);
  const onCreate = useCallback((range: TextRange, color: HighlightColor, then: AfterCreate) => {
    // Called while the selection is still there (the toolbar clears it after): its boxes give the placement.
    const selected = pageSelection(sourceId, window.getSelection());
    const box = rootRef.current?.getBoundingClientRect();
    const pdf = selected && box && box.width > 0 && selected.startPage.page === page ? selectionPlacement(selected, box) : null;
    if (bridge) bridge.create(range, color, then, pdf);
    else void createHighlight({ sourceId, start: range.start, end: range.end, color, ...(pdf ? { pdf } : {}) });
  }, [sourceId, page, bridge]);
  const shortcutRange = useCallback((selection: Selection | null) => (textLayer ? rangeOf(textLayer, selection) : null), [rangeOf, textLayer]);
  const onShortcut = useCallback((range: TextRange) => onCreate(range, 'yellow', null), [onCreate]);
  usePageShortcut(shortcutRange, onShortcut);

  const onArea = useCallback(async (rect: PdfRect) => {
    const created = await createAreaHighlight({
      sourceId, page, rect, imageBase64: cropCanvas(canvas, rect), color: 'yellow', tagIds: [], note: '',
    });
    if (created) bridge?.select(created.id);
  }, [sourceId, page, canvas, bridge]);

  const selectedId = bridge?.selectedId ?? null;
  return (
    <div ref={rootRef} className={classes.layer} style={{ width: widthPx, height: heightPx }} data-testid="pdf-page-layer" data-page={page}>
      <div className={classes.highlights}>
        {drawn.flatMap((d) => d.rects.map((r, i) => (
          <div
            key={`${d.id}:${i}`} className={classes.rect} data-testid="pdf-highlight" data-highlight-id={d.id}
            data-color={d.color} data-area={d.area || undefined} data-selected={d.id === selectedId || undefined}
            style={{ left: `${r.x * 100}%`, top: `${r.y * 100}%`, width: `${r.w * 100}%`, height: `${r.h * 100}%` }}
          />
        )))}
      </div>
      {areaMode && <AreaTool page={page} onDone={(rect) => void onArea(rect)} />}
      {textLayer && <SelectionToolbar textRef={textRef} scrollRef={scrollRef} onCreate={onCreate} rangeOf={rangeOf} />}
    </div>
  );
}
