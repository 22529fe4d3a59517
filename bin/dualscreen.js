#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';

// A smaller young generation keeps peak memory of million-row runs under 300 MB at no measured cost;
// the short commands (lookup, check, rules) start faster with the default one.
if (process.argv[2] === 'screen') setFlagsFromString('--max-semi-space-size=8');
const { main } = await import('../dist/cli.js');

main(process.argv).then((code) => {
  process.exitCode = code;
});
