/** One `dualscreen screen` run in this process, so its time and peak memory can be read. Prints JSON on stderr. */
import { main } from '../../dist/cli.js';

const started = performance.now();
const code = await main(['node', 'dualscreen', ...process.argv.slice(2)]);
const seconds = (performance.now() - started) / 1000;
process.stderr.write(JSON.stringify({ code, seconds, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
