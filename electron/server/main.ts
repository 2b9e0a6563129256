/** `npm run serve`: opens the workspace, seeds it on first run, serves browser mode and prints the launch URL. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Workbench } from '../services/workbench/workbench';
import { createHandlers } from '../services/api/handlers';
import { seedIfEmpty } from '../services/workbench/seed';
import { resolveWorkspaceDir } from '../services/paths';
import { StoreError } from '../services/store/errors';
import { startServer } from './server';

const here = path.dirname(fileURLToPath(import.meta.url));

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  const eq = args.find((a) => a.startsWith(`${name}=`));
  return eq?.slice(name.length + 1);
}

export async function runServe(args: string[]): Promise<void> {
  const dir = resolveWorkspaceDir(flag(args, '--workspace'));
  const portArg = flag(args, '--port');
  const port = portArg === undefined ? 0 : Number(portArg);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, got ${portArg}`);
  const wb = await Workbench.open(dir, { purpose: 'browser mode (npm run serve)' });
  const seeded = await seedIfEmpty(wb, path.resolve(here, '../../seeds'));
  const server = await startServer({
    handlers: createHandlers(wb, { seeded }),
    rendererDir: path.resolve(here, '../renderer'),
    port,
  });
  console.log(`Workspace: ${dir}${seeded ? ' (sample article imported)' : ''}`);
  console.log('Open this URL in a browser (it carries this launch\'s access token):');
  console.log(server.url);
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await server.close();
    await wb.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

runServe(process.argv.slice(2)).catch((e) => {
  console.error(e instanceof StoreError ? e.message : `Could not start browser mode: ${(e as Error).message}`);
  process.exit(1);
});
