/** Entry of the built CLI (out/main/cli.js). */
import { runCli } from './main';

runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
