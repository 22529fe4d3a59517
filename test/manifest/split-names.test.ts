/**
 * Hand-written CSV with company names unquoted: "Mitsubishi Shipbuilding Co., Ltd." reads as two fields.
 * Such a row used to be rejected (one field too many) or, with an empty last cell, read with its
 * parties shifted; it is now read with the name whole, and the input's notes name the lines.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { joinSplitNames } from '../../src/manifest/split-names.js';
import { tempFiles } from '../temp-files.js';
import { readAll } from './read-all.js';

const ROOT = join(import.meta.dirname, '..', '..');
const tempFile = tempFiles('split-names');

describe('joinSplitNames', () => {
  it('joins a name cut before its legal form, keeping the text as written', () => {
    expect(joinSplitNames(['1', 'Bearings', 'Mitsubishi Heavy Industries', ' Ltd.', 'JP'], 4, ',')).toEqual(['1', 'Bearings', 'Mitsubishi Heavy Industries, Ltd.', 'JP']);
    expect(joinSplitNames(['Acme', ' Inc.', 'KAWASAKI HEAVY INDUSTRIES', 'LTD.', 'JP'], 3, ',')).toEqual(['Acme, Inc.', 'KAWASAKI HEAVY INDUSTRIES,LTD.', 'JP']);
    expect(joinSplitNames(['Foo', ' Co.', ' Ltd.', 'JP'], 2, ',')).toEqual(['Foo, Co., Ltd.', 'JP']);
  });

  it('counts a trailing empty cell as any row does: a cut that spilled into it is joined too', () => {
    expect(joinSplitNames(['Screws', 'Tokyo Trading Co.', ' Ltd.', ''], 3, ',')).toEqual(['Screws', 'Tokyo Trading Co., Ltd.', '']);
  });

  it('leaves a row alone when the extra fields are not a cut name', () => {
    // a description with a comma: nothing says which column it belongs to
    expect(joinSplitNames(['Gallium metal', ' 6N', '8112929090', 'US'], 3, ',')).toBeUndefined();
    // CO is Colombia in a destination column, not a legal form
    expect(joinSplitNames(['Valves', 'Acme', 'CO', 'x'], 3, ',')).toBeUndefined();
    // a legal form after a number is not a name's end
    expect(joinSplitNames(['Valves', '120', 'Ltd.', 'JP'], 3, ',')).toBeUndefined();
    // a row that fits is never touched
    expect(joinSplitNames(['Mitsubishi Heavy Industries', ' Ltd.'], 2, ',')).toBeUndefined();
  });

  it('joins only when the result has the header fields: a cut name plus another stray comma stays rejected', () => {
    expect(joinSplitNames(['Gallium metal', ' 6N', 'Acme', ' Inc.', 'US'], 3, ',')).toBeUndefined();
  });
});

describe('a manifest with unquoted company names', () => {
  const manifest = [
    'Line,Description,HS Code,Destination,Consignee,End User',
    '1,Gallium metal 6N,8112929090,JP,Mitsubishi Shipbuilding Co., Ltd.,Mitsubishi Shipbuilding Co., Ltd.',
    '2,Office chairs,940130,JP,Tokyo Trading Co., Ltd.,',
    '3,Gallium metal 6N,8112929090,JP,Tokyo Trading Co.,Ltd.,Mitsubishi Shipbuilding Co., Ltd.',
    '4,Screws,731815,DE,Muster GmbH,Muster,stray',
  ].join('\n');

  it('reads each name whole and names the lines', async () => {
    const { rows, errors, summary } = await readAll(tempFile('unquoted.csv', manifest));
    expect(rows.map((r) => [r.line, r.values.consignee, r.values.end_user])).toEqual([
      [2, 'Mitsubishi Shipbuilding Co., Ltd.', 'Mitsubishi Shipbuilding Co., Ltd.'],
      [3, 'Tokyo Trading Co., Ltd.', undefined],
      [4, 'Tokyo Trading Co.,Ltd.', 'Mitsubishi Shipbuilding Co., Ltd.'],
    ]);
    // a stray field that is no legal form is still a rejected line
    expect(errors.map((e) => [e.line, e.message])).toEqual([[5, 'expected 6 fields as in the header, found 7']]);
    expect(summary.notes).toContain('3 rows with a cell cut by an unquoted delimiter (a company name "Industries, Ltd.", a description "Gallium metal, 6N") read with the cell whole (lines 2, 3, 4); quote such fields');
  });

  it('screens the listed end user it used to lose: gallium to Mitsubishi Shipbuilding is prohibited', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'dualscreen.js'), 'screen', tempFile('unquoted-screen.csv', manifest), '--as-of', '2026-11-28', '--format', 'json', '--fail-on', 'none'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const report = JSON.parse(r.stdout) as { rows: { line: number; verdict: string }[]; summary: { rejected: number } };
    expect(report.rows.filter((row) => row.line <= 4).map((row) => [row.line, row.verdict])).toEqual([
      [2, 'prohibited'],
      [4, 'prohibited'],
    ]);
    expect(report.summary.rejected).toBe(1);
  });
});
