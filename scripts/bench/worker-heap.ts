/** The JS heap of the browser's dedicated workers (the pdf.js worker), which a page's own CDP metrics do not include. */
import type { Browser, CDPSession } from 'playwright-core';

type Reply = { id?: number; result?: { usedSize?: number } };

/**
 * Sends one CDP command to a worker through a browser-level session (non-flat attach, so no session-id support is
 * needed in the client) and waits for its reply.
 */
async function callInWorker(cdp: CDPSession, sessionId: string, method: string, id: number): Promise<Reply | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => { cdp.off('Target.receivedMessageFromTarget', onMessage); resolve(null); }, 10_000);
    const onMessage = (event: { sessionId?: string; message: string }) => {
      if (event.sessionId !== sessionId) return;
      const reply = JSON.parse(event.message) as Reply;
      if (reply.id !== id) return;
      clearTimeout(timer);
      cdp.off('Target.receivedMessageFromTarget', onMessage);
      resolve(reply);
    };
    cdp.on('Target.receivedMessageFromTarget', onMessage);
    void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) }).catch(() => resolve(null));
  });
}

/** Total used JS heap (bytes) of all dedicated workers, after a GC in each when `gc`; null when none could be read. */
export async function workerHeapBytes(browser: Browser, gc: boolean): Promise<number | null> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    let total: number | null = null;
    let id = 1;
    for (const target of targetInfos.filter((t) => t.type === 'worker')) {
      const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
      try {
        if (gc) await callInWorker(cdp, sessionId, 'HeapProfiler.collectGarbage', id++);
        const used = (await callInWorker(cdp, sessionId, 'Runtime.getHeapUsage', id++))?.result?.usedSize;
        if (typeof used === 'number') total = (total ?? 0) + used;
      } finally {
        await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      }
    }
    return total;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
