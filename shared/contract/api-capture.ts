/** Contract methods for web capture: by URL, re-capture with versions and diffs, verification, extension pairing. */
import { z } from 'zod';
import { method } from './define';
import { empty, id } from './schemas';
import type {
  CaptureArtifact, CaptureOutcome, CaptureVerification, PairedExtension, PairingCode, RecaptureOutcome,
  SourceVersionSummary, TextDiffView,
} from './views-capture';

/** An absolute http(s) URL as typed or pasted (surrounding whitespace allowed); the service re-parses it. */
const url = z.string().trim().min(1, 'a URL is required').max(2000, 'the URL is longer than 2,000 characters');

export const captureApi = {
  /** Fetches a page (HTML, PDF or plain text), keeps its raw bytes and a printed copy, and imports it as a source. */
  'capture.url': method<CaptureOutcome>()({
    request: z.object({ url }).strict(),
    errors: ['capture_failed', 'import_rejected'],
  }),
  /** Fetches a captured source's address again: unchanged, or a new version with highlights carried over. */
  'capture.recapture': method<RecaptureOutcome>()({
    request: z.object({ sourceId: id }).strict(),
    errors: ['not_found', 'unsupported', 'capture_failed', 'import_rejected'],
  }),
  /** Every version of a captured source's chain, oldest first. */
  'capture.versions': method<SourceVersionSummary[]>()({
    request: z.object({ sourceId: id }).strict(),
    errors: ['not_found'],
  }),
  /** A word-level diff between the texts of two sources (normally two versions of one page). */
  'capture.diff': method<TextDiffView>()({
    request: z.object({ fromId: id, toId: id }).strict(),
    errors: ['not_found'],
  }),
  /** Re-hashes the stored raw bytes, printed copy and text against the provenance record. */
  'capture.verify': method<CaptureVerification>()({
    request: z.object({ sourceId: id }).strict(),
    errors: ['not_found', 'unsupported'],
  }),
  /** The raw bytes or the printed copy of a capture, for saving a copy. */
  'capture.artifact': method<CaptureArtifact>()({
    request: z.object({ sourceId: id, which: z.enum(['raw', 'rendered']) }).strict(),
    errors: ['not_found', 'unsupported'],
  }),
  /** A new one-time pairing code for the browser extension (valid for a few minutes, single use). */
  'extension.pairingCode': method<PairingCode>()({ request: empty, errors: ['unsupported'] }),
  'extension.list': method<PairedExtension[]>()({ request: empty }),
  'extension.unpair': method<{ removed: boolean }>()({
    request: z.object({ id }).strict(),
    errors: ['not_found'],
  }),
};
