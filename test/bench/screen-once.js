/**
 * One `dualscreen …` run through the command's own entry point (bin/dualscreen.js, with the heap
 * settings it makes for `screen`), in this process, so its time and peak memory can be read.
 * Prints JSON on stderr when the process exits.
 */
const started = performance.now();
process.on('exit', () => {
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(JSON.stringify({ code: process.exitCode ?? 0, seconds, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
});
await import('../../bin/dualscreen.js');
