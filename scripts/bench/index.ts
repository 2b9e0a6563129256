/** `npm run bench` entry (built to out/main/bench.js): parses flags, then runs the benchmark or one of its child measurements. */
import { parseArgs } from './args';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n`);
    process.exit(args.startsWith('npm run bench') ? 0 : 2);
  }
  // Measurement modules are loaded on demand, so a child that times opening loads no more than main would.
  if (args.child) await (await import('./child')).runChild(args);
  else await (await import('./run')).runBench(args);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
