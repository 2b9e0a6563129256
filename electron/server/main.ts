/** `npm run serve`: opens the workspace (or recovery mode if it is damaged), seeds it on first run, serves browser mode. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveWorkspaceDir } from '../services/paths';
import { StoreError } from '../services/store/errors';
import { WorkspaceSession, type SessionOptions } from '../services/maintenance/session';
import { captureFetchedWith } from '../services/capture/extension-capture';
import { startServer } from './server';
import { parseFlags } from '../common/flags';
import { closeLazyChromiumPrinter, lazyChromiumPrinter } from '../services/export/lazy-printer';
import { lazyChromiumPagePrinter } from '../services/capture/print-page-lazy';

const here = path.dirname(fileURLToPath(import.meta.url));

export async function runServe(args: string[]): Promise<void> {
  const flags = parseFlags(args, { workspace: { type: 'string' }, port: { type: 'string' } }, false);
  const dir = resolveWorkspaceDir(flags.values.get('workspace')?.at(-1));
  const portArg = flags.values.get('port')?.at(-1);
  const port = portArg === undefined ? 0 : Number(portArg);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, got ${portArg}`);
  const sessionOptions: SessionOptions = {
    dir, purpose: 'browser mode (npm run serve)', seedsDir: path.resolve(here, '../../seeds'), printer: lazyChromiumPrinter,
    // Captured pages print in headless Chromium with scripts off; the shutdown below closes its browser too.
    pagePrinter: lazyChromiumPagePrinter,
    // The extension posts to this same server, under /extension/.
    extensionEndpoint: async () => `http://127.0.0.1:${server.port}`,
  };
  const session = await WorkspaceSession.start(sessionOptions);
  const server = await startServer({
    handlers: session.handlers,
    rendererDir: path.resolve(here, '../renderer'),
    port,
    extension: { workbench: () => session.wb, captureFetched: captureFetchedWith({ pagePrinter: sessionOptions.pagePrinter }) },
  });
  if (session.recovery) {
    // Still served: the app shows the problem and offers the backups (workspace.info has `recovery`).
    console.error(`The workspace cannot be opened: ${session.recovery.message}`);
    console.error('Browser mode starts in recovery mode: restore a backup there, or run `workbench backups` / `workbench backups restore ID`.');
  }
  console.log(`Workspace: ${dir}${session.seeded ? ' (sample article imported)' : ''}${session.recovery ? ' (recovery mode)' : ''}`);
  console.log('Open this URL in a browser (it carries this launch\'s access token):');
  console.log(server.url);
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await server.close();
    await session.close();
    await closeLazyChromiumPrinter().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

runServe(process.argv.slice(2)).catch((e) => {
  console.error(e instanceof StoreError ? e.message : `Could not start browser mode: ${(e as Error).message}`);
  process.exit(1);
});
