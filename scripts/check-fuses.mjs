/** `node scripts/check-fuses.mjs <packaged app or binary>`: prints the fuses and exits 1 unless they are as WANTED_FUSES says. */
import fs from 'node:fs';
import { checkFuses } from './fuses.mjs';

const binary = process.argv[2];
if (!binary) {
  console.error('Usage: node scripts/check-fuses.mjs <path to the packaged executable, or the .app on macOS>');
  process.exit(2);
}
if (!fs.existsSync(binary)) {
  console.error(`check-fuses: ${binary} does not exist.`);
  process.exit(2);
}
try {
  const { states, wrong } = await checkFuses(binary);
  for (const [name, state] of Object.entries(states)) console.log(`${name}: ${state}`);
  if (wrong.length > 0) {
    console.error(`check-fuses: ${binary} has wrong fuses:\n  ${wrong.join('\n  ')}`);
    process.exit(1);
  }
  console.log('check-fuses: all fuses as wanted.');
} catch (e) {
  console.error(`check-fuses: cannot read the fuses of ${binary}: ${e.message}`);
  process.exit(1);
}
