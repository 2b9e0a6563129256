/**
 * A hostile second process for the restore-race test (built by build.ts): tries to take the workspace lock in a
 * tight loop for --for-ms, printing "trying" once it starts; on success it prints "got" and holds the lock
 * until killed, the way another window or a CLI writer would keep the workspace.
 */
import { acquireLock } from '../../electron/services/store/lock';

const arg = (name: string): string => process.argv[process.argv.indexOf(name) + 1] ?? '';
const dir = arg('--dir');
const until = Date.now() + Number(arg('--for-ms'));
let tries = 0;
process.stdout.write('trying\n');
for (;;) {
  tries++;
  try {
    acquireLock(dir, 'intruder');
    process.stdout.write(`got after ${tries} tries\n`);
    setInterval(() => undefined, 1 << 30); // hold it: the lock is released only by dying
    break;
  } catch {
    if (Date.now() > until) {
      process.stdout.write(`gave up after ${tries} tries\n`);
      process.exit(0);
    }
  }
}
