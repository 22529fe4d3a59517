/**
 * Every 6-digit subheading of the HS nomenclature, screened as a manifest row with its own text as the
 * description (issue 11 part 3): the nomenclature names no goods that the packs can identify for
 * certain, so no row may get a licence or worse, and a review only where the subheading is the start
 * of an encoded reference code; and every such subheading is a review: an exclusion or a civil-goods word
 * that the nomenclature's own text holds would clear what the code may be.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { compileRuleSet } from '../../src/engine/compile.js';
import { screen } from '../../src/engine/screen.js';
import { makeRow } from '../../src/manifest/row.js';
import { loadRulePacks } from '../../src/rules/load.js';

const NOMENCLATURE = new URL('../../rules/reference/hs/harmonized-system.csv', import.meta.url);
/**
 * Subheadings whose text itself names a listed item, so that their review is right although the
 * catalogue prints the item under another code: 382492 "polyglycol esters of methylphosphonic acid"
 * is an example chemical of 1C450.b.4 (CAS 294675-51-7), which the catalogue places under 3824999950;
 * 293142 "dimethyl propylphosphonate" (CAS 18755-43-6) has a propyl group on its phosphorus atom, so it
 * is a 1C450.b.4 chemical (CWC Schedule 2 B.4), and the catalogue prints no code under 293142 for it.
 */
const NAMES_A_LISTED_CHEMICAL = new Set(['382492', '293142']);

describe('HS-6 sweep', () => {
  it('no subheading is licence or prohibited, and review exactly where it covers a reference code', { timeout: 60_000 }, () => {
    const packs = loadRulePacks();
    const rs = compileRuleSet(packs);
    const asOf = packs.map((lp) => lp.pack.dataAsOf).sort().at(-1)!;
    const subheadings = (parse(readFileSync(NOMENCLATURE), { columns: true }) as { hscode: string; description: string; level: string }[]).filter(
      (r) => r.level === '6',
    );
    expect(subheadings.length).toBeGreaterThan(5000);
    const wrong: string[] = [];
    for (const [i, { hscode, description }] of subheadings.entries()) {
      const r = screen(makeRow('hs.csv', i + 1, i + 2, { hs_code: hscode, description }, {}, 'cn'), rs, { asOf });
      const covers = rs.hsPrefixes.has(hscode) || NAMES_A_LISTED_CHEMICAL.has(hscode);
      if (r.verdict === 'license' || r.verdict === 'prohibited' || (r.verdict === 'review') !== covers) {
        wrong.push(`${hscode} ${description.slice(0, 60)}: ${r.verdict} ${r.findings.map((f) => f.ruleId).join(' ')}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
