#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

// Screening allocates short-lived rows by the million. An old generation allowed to grow to twice what
// survived its last collection (V8 lets it grow up to fourfold) keeps a million-row run near 210 MB
// instead of 310 MB, for a few per cent more time (issue 11). The young generation's size cannot be
// set this way once V8 has started (--max-semi-space-size here changed nothing, measured); the short
// commands (lookup, check, rules) keep V8's defaults.
if (process.argv[2] === 'screen') setFlagsFromString('--heap-growing-percent=100');

// The package ships dist/; a clone of the repository builds it on `npm install` (or `npm run build`).
if (!existsSync(new URL('../dist/cli.js', import.meta.url))) {
  process.stderr.write('dualscreen: dist/ is missing: in a clone of the repository, run `npm run build` first\n');
  process.exit(2);
}
// `check` and `lookup` are answered by a running `dualscreen serve` when there is one (src/serve)
const { answerFromServer } = await import('../dist/serve/client.js');
const served = await answerFromServer(process.argv);
if (served === undefined) {
  const { main } = await import('../dist/cli.js');
  process.exitCode = await main(process.argv);
} else {
  process.exitCode = served;
}
