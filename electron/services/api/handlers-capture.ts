/** Capture methods: by URL, re-capture and versions, diff, verification, artifacts, browser-extension pairing. */
import type { ApiHandlers } from '../../../shared/contract/api';
import type { Workbench } from '../workbench/workbench';
import { fail } from '../workbench/workbench';

type CaptureHandlers = Pick<ApiHandlers,
  'capture.url' | 'capture.recapture' | 'capture.versions' | 'capture.diff' | 'capture.verify' | 'capture.artifact'
  | 'extension.pairingCode' | 'extension.list' | 'extension.unpair'>;

// WORK IN PROGRESS (issue 15): each handler is replaced by its service as the helpers land it.
const notYet = async () => fail('unsupported', 'Web capture is being built (issue 15).');

export function createCaptureHandlers(wb: Workbench): CaptureHandlers {
  void wb;
  return {
    'capture.url': notYet,
    'capture.recapture': notYet,
    'capture.versions': notYet,
    'capture.diff': notYet,
    'capture.verify': notYet,
    'capture.artifact': notYet,
    'extension.pairingCode': notYet,
    'extension.list': notYet,
    'extension.unpair': notYet,
  } as unknown as CaptureHandlers;
}
