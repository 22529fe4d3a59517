// `npm run variants`: regenerates rules/reference/cjk-variants.json from the installed opencc-js.
import { readFileSync, writeFileSync } from 'node:fs';
import * as Locale from 'opencc-js/preset';
import { VARIANTS_FILE, variantClasses } from '../../dist/match/cjk-variants.js';

const { version } = JSON.parse(readFileSync(new URL('../../node_modules/opencc-js/package.json', import.meta.url), 'utf8'));
const table = {
  source: `opencc-js ${version} (OpenCC character dictionaries, MIT/Apache-2.0): one-character conversions between simplified, traditional, Taiwan, Hong Kong and Japanese forms, joined into classes; the first character of a class is the folded form`,
  classes: variantClasses(Locale),
};
writeFileSync(VARIANTS_FILE, `${JSON.stringify(table, null, 0).replace(/","/g, '",\n"')}\n`);
console.log(`${table.classes.length} classes written to ${VARIANTS_FILE.pathname}`);
