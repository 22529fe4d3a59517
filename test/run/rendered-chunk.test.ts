/** A worker's rendered rows: the JSON report's own line for each row once the main thread puts in its row number. */
import { describe, expect, it } from 'vitest';
import { compileRuleSet } from '../../src/engine/compile.js';
import { screen } from '../../src/engine/screen.js';
import { makeRow } from '../../src/manifest/row.js';
import { resultJson } from '../../src/report/json.js';
import { loadRulePacks } from '../../src/rules/load.js';
import type { ChunkItem } from '../../src/run/jobs.js';
import { RenderedChunk } from '../../src/run/rendered-chunk.js';

const rules = compileRuleSet(loadRulePacks());
const AS_OF = '2026-11-28';
const screened = (row: number, description: string, hs: string, endUser: string) =>
  screen(makeRow('manifest "A".csv', row, row + 1, { description, hs_code: hs, end_user: endUser, destination_country: 'Japan' }, { 备注: '急件' }, 'cn'), rules, { asOf: AS_OF });

describe('rows rendered where they are screened', () => {
  it('each row is its JSON line with the row number counted on from the chunks before it, and the chunk counts what the rows count for', () => {
    const rows = [screened(1, 'Samarium oxide Sm2O3 99.9%', '2846901940', 'Tokyo Optics K.K.'), screened(2, 'Ball bearings', '8482100000', '防衛装備庁')];
    const chunk = new RenderedChunk(rules, AS_OF, { format: 'json', failOn: 'license' });
    for (const r of rows) chunk.add(r);
    const items: ChunkItem[] = [];
    chunk.flushInto(items);
    chunk.flushInto(items);
    expect(items).toHaveLength(1);
    const { parts, rows: numbers } = (items[0] as Extract<ChunkItem, { kind: 'rows' }>).rows;
    expect(numbers).toEqual([1, 2]);
    // a chunk after 500 rows: the row numbers the main thread writes
    rows.forEach((r, i) => {
      const line = `${parts[2 * i]}${numbers[i]! + 500}${parts[2 * i + 1]}`;
      expect(JSON.parse(line)).toEqual({ ...resultJson(r), row: r.row.row + 500 });
    });
    const tally = chunk.tally();
    expect(rows.map((r) => r.verdict)).toEqual(['license', 'review']);
    expect(tally.verdicts).toEqual({ prohibited: 0, license: 1, review: 1 });
    expect(tally.gate).toMatchObject({ failed: true, counted: { prohibited: 0, license: 1, review: 1 } });
  });

  it('a clear row is only counted, never rendered', () => {
    const chunk = new RenderedChunk(rules, AS_OF, { format: 'json', failOn: 'license' });
    expect(() => chunk.add(screened(1, 'Ball bearings', '8482100000', 'Osaka Trading Co., Ltd.'))).toThrow();
  });
});
