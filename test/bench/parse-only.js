/** The floor: a bare csv-parse pass over the file (header to objects, counting rows). Prints JSON on stderr. */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

const started = performance.now();
let rows = 0;
createReadStream(process.argv[2])
  .pipe(parse({ columns: true, record_delimiter: ['\r\n', '\n'] }))
  .on('data', () => {
    rows++;
  })
  .on('end', () => {
    const seconds = (performance.now() - started) / 1000;
    process.stderr.write(JSON.stringify({ rows, seconds, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
  });
