/** Views returned by the capture methods: a capture's outcome, re-capture, versions, text diff, verification. */
import type { BlobRef, CaptureRecord } from '../domain/capture';
import type { Id, Source } from '../domain/types';
import type { PdfUpgrade } from './views-pdf';

export interface CaptureOutcome {
  source: Source;
  /** True when a source with identical text already existed: nothing was added (the existing one is returned). */
  duplicate: boolean;
  /** Set when the captured PDF gave an older text-only source its pages (`source` is that source, upgraded). */
  upgraded?: PdfUpgrade;
  /** Where the time went, for the progress list and the note's figures. */
  timings: { fetchMs: number; extractMs: number; renderMs: number; totalMs: number };
}

/** A highlight that could not be placed on the new version (its passage is gone or ambiguous). */
export interface OrphanedHighlight {
  highlightId: Id;
  exact: string;
}

export interface RecaptureOutcome {
  /** unchanged: the text is the same (raw bytes may still differ, see rawChanged); changed: a new version was made. */
  status: 'unchanged' | 'changed';
  rawChanged: boolean;
  /** The newest version (the new source when changed, else the one re-captured). */
  source: Source;
  previousId: Id;
  /** Highlights copied onto the new version (tags, note, entities, colour kept). */
  carried: number;
  orphans: OrphanedHighlight[];
  timings: CaptureOutcome['timings'];
}

export interface SourceVersionSummary {
  id: Id;
  version: number;
  capturedAt: string;
  title: string;
  textSha256: string;
  highlightCount: number;
}

/** A readable diff: runs of equal, removed and added text (word granularity); long equal runs are elided. */
export interface TextDiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
  /** For an elided equal run: how many characters were left out of `text`. */
  elided?: number;
}

export interface TextDiffView {
  fromId: Id;
  toId: Id;
  parts: TextDiffPart[];
  stats: { insertedChars: number; deletedChars: number; unchangedChars: number };
}

/** One stored hash checked against the bytes on disk now. */
export interface HashCheck {
  expected: string;
  actual: string | null;
  ok: boolean;
}

export interface CaptureVerification {
  sourceId: Id;
  raw: HashCheck;
  /** Null when the capture has no printed copy. */
  rendered: HashCheck | null;
  text: HashCheck;
  ok: boolean;
}

export interface CaptureArtifact {
  fileName: string;
  blob: BlobRef;
  dataBase64: string;
}

/** The browser extension's pairing: a one-time code shown in the app, and the extensions already paired. */
export interface PairingCode {
  code: string;
  expiresAt: string;
  /** The loopback address the extension must post to, e.g. http://127.0.0.1:47615 */
  endpoint: string;
}

export interface PairedExtension {
  id: Id;
  name: string;
  pairedAt: string;
  lastSeenAt: string | null;
}

export interface CaptureRecordView {
  sourceId: Id;
  capture: CaptureRecord;
}
