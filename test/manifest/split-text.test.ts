/**
 * Hand-written CSV with a description or another text unquoted: "Gallium metal, 6N" reads as two fields
 * and shifts every cell after it. Such a row used to be rejected; it is now read with the cell whole when
 * the columns that hold codes, amounts and countries say which cell was cut, and rejected when they do not.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFiles } from '../temp-files.js';
import { readAll } from './read-all.js';

const ROOT = join(import.meta.dirname, '..', '..');
const tempFile = tempFiles('split-text');

const HEADER = 'Line,Description,HS Code,Qty,Value,Currency,Destination,Consignee,End User,End Use';

describe('a manifest with an unquoted description', () => {
  const manifest = [
    HEADER,
    '1,Gallium metal, 6N, 1 kg ingots,8112929090,10,5200.00,USD,Japan,Tokyo Optics K.K.,Tokyo Optics K.K.,semiconductor research',
    '2,Office chairs,940130,40,1200,USD,DE,Muster GmbH,,office',
    '3,Carbon fibre prepreg,T800 grade,681510,200,98000,USD,Japan,Tokyo Optics K.K.,Japan Ground Self-Defense Force,',
    '4,Screws,731815,5,10,USD,DE,Muster GmbH,Muster,spare parts,stray',
    '5,Valves,848180,2,300,USD,DE,Muster GmbH,Muster,maintenance, spare parts',
    '6,Tungsten carbide rods, ground,820910,50,700,USD,Japan,Osaka Trading Co., Ltd.,Osaka Trading Co., Ltd.,tooling',
  ].join('\n');

  it('reads a cut description or end use whole where the typed columns tell, and rejects the row where they do not', async () => {
    const { rows, errors, summary } = await readAll(tempFile('unquoted-text.csv', manifest));
    expect(rows.map((r) => [r.line, r.values.description, r.values.hs_code, r.values.destination_country, r.values.end_use])).toEqual([
      [2, 'Gallium metal, 6N, 1 kg ingots', '8112929090', 'Japan', 'semiconductor research'],
      [3, 'Office chairs', '940130', 'DE', 'office'],
      [4, 'Carbon fibre prepreg,T800 grade', '681510', 'Japan', undefined],
      // a comma and a space: the end use was cut, not the consignee or the end user beside it
      [6, 'Valves', '848180', 'DE', 'maintenance, spare parts'],
      // a cut description and two cut company names on one row
      [7, 'Tungsten carbide rods, ground', '820910', 'Japan', 'tooling'],
    ]);
    // "Muster,spare parts,stray": the consignee, the end user or the end use may have been cut, nothing tells which
    expect(errors.map((e) => [e.line, e.message])).toEqual([[5, 'expected 10 fields as in the header, found 11']]);
    expect(summary.notes.join('\n')).toContain('4 rows with a cell cut by an unquoted delimiter');
    expect(summary.notes.join('\n')).toContain('(lines 2, 4, 6, 7)');
  });

  it('screens the goods it used to lose: carbon-fibre prepreg for the JGSDF is no longer a rejected line', () => {
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'bin', 'dualscreen.js'), 'screen', tempFile('unquoted-text-screen.csv', manifest), '--as-of', '2026-11-28', '--format', 'json', '--all', '--fail-on', 'none'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    const report = JSON.parse(r.stdout) as { rows: { line: number; verdict: string; values: { description?: string } }[]; summary: { rejected: number } };
    expect(report.rows.map((row) => [row.line, row.values.description])).toEqual([
      [2, 'Gallium metal, 6N, 1 kg ingots'],
      [3, 'Office chairs'],
      [4, 'Carbon fibre prepreg,T800 grade'],
      [6, 'Valves'],
      [7, 'Tungsten carbide rods, ground'],
    ]);
    // prepreg for the Japan Ground Self-Defense Force: a dual-use item family for a military user
    expect(report.rows.find((row) => row.line === 4)!.verdict).not.toBe('clear');
    expect(report.summary.rejected).toBe(1);
  });

  it('never moves a code into a text column: a cut HS code or amount leaves the row rejected', async () => {
    const { rows, errors } = await readAll(tempFile('unquoted-amount.csv', [HEADER, '1,Bearings,848210,1,200,00,USD,DE,Muster GmbH,,plant'].join('\n')));
    // "200,00" (a decimal comma): the value column was cut, and a value is not text to join
    expect(rows).toEqual([]);
    expect(errors.map((e) => e.line)).toEqual([2]);
  });
});
