/** Changes made from the PDF page view: area (rectangle) highlights. Text highlights made on a page use createHighlight with `pdf`. */
import type { Api } from '../../../shared/contract/api';
import type { RequestOf } from '../../../shared/contract/define';
import { callApi, queryCache } from './client';
import { anyOf, keys } from './queries';
import { applyHighlightDelta } from './highlightCache';

/**
 * Makes an area highlight from a rectangle and its crop. Like createHighlight, the reply is patched into the open
 * reader views at once (an area highlight's empty quote at its collapsed position patches cleanly), and the per-tag
 * lists and the history are reloaded.
 */
export async function createAreaHighlight(request: RequestOf<Api['highlights.createArea']>) {
  const reply = await callApi('highlights.createArea', request, 'Could not create the area highlight');
  if (reply.ok) {
    await queryCache.invalidate(anyOf(keys.edited, applyHighlightDelta({ put: [reply.value], removed: [], created: true }), keys.highlights));
  }
  return reply.ok ? reply.value : null;
}
