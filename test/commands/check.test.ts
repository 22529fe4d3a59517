/** `dualscreen check`: one line from flags is judged exactly as the same line in a manifest. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/commands/check.js';
import type { RowValues } from '../../src/model/row.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'dualscreen.js');
const AS_OF = '2026-11-28';

const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '' } });

interface ReportRow {
  lineId: string | null;
  verdict: string;
  values: RowValues;
  findings: unknown[];
  notes: string[];
}

async function check(values: RowValues): Promise<{ code: number; row: ReportRow }> {
  let out = '';
  const code = await runCheck({
    values,
    format: 'json',
    failOn: 'prohibited',
    asOf: AS_OF,
    hsScheme: 'cn',
    color: false,
    write: (t) => (out += t),
    warn: () => undefined,
  });
  const rows = (JSON.parse(out) as { rows: ReportRow[] }).rows;
  expect(rows).toHaveLength(1);
  return { code, row: rows[0]! };
}

describe('dualscreen check', { timeout: 120_000 }, () => {
  it.each(['fixtures/sample-manifest.csv', 'fixtures/jp-invoice-sjis.csv', 'fixtures/cn-declaration-gb18030.csv'])(
    'judges every row of %s as screen does: same verdict, findings and notes',
    async (file) => {
      const report = JSON.parse(cli('screen', file, '--format', 'json', '--all', '--as-of', AS_OF, '--fail-on', 'none').stdout) as { rows: ReportRow[] };
      expect(report.rows.length).toBeGreaterThan(5);
      for (const screened of report.rows) {
        const { row } = await check(screened.values);
        expect({ lineId: row.lineId, verdict: row.verdict, findings: row.findings, notes: row.notes }).toEqual({
          lineId: screened.lineId,
          verdict: screened.verdict,
          findings: screened.findings,
          notes: screened.notes,
        });
      }
    },
  );

  it('maps every flag to its manifest column and exits as screen would', () => {
    const args = ['check', '--hs', '2846.90.19.40', '--description', 'Samarium oxide', '--to', 'Japan', '--consignee', 'Tokyo Optics K.K.'];
    const prohibited = cli(...args, '--end-user', 'Japan Ground Self-Defense Force', '--end-use', 'radar', '--origin', 'CN', '--export-from', 'CN', '--as-of', AS_OF, '--format', 'json');
    expect(prohibited.status).toBe(1);
    const doc = JSON.parse(prohibited.stdout) as { options: { values: RowValues }; rows: ReportRow[]; summary: Record<string, number> };
    expect(doc.options.values).toEqual({
      hs_code: '2846.90.19.40',
      description: 'Samarium oxide',
      destination_country: 'Japan',
      consignee: 'Tokyo Optics K.K.',
      end_user: 'Japan Ground Self-Defense Force',
      end_use: 'radar',
      origin_country: 'CN',
      export_country: 'CN',
    });
    expect(doc.rows[0]).toMatchObject({ verdict: 'prohibited', findings: expect.arrayContaining([expect.objectContaining({ ruleId: 'cn.measure.2026-01.japan-military' })]) });
    expect(doc.summary).toMatchObject({ rows: 1, prohibited: 1 });

    expect(cli(...args, '--as-of', AS_OF, '--fail-on', 'none').status).toBe(0);
    expect(cli(...args, '--as-of', AS_OF, '--fail-on', 'license').status).toBe(1);
    expect(cli('check', '--hs', '6109100000', '--description', 'Cotton T-shirts', '--to', 'JP', '--as-of', AS_OF).status).toBe(0);
  });

  it('prints the verdict and every finding with its source, as screen prints a row', () => {
    const r = cli('check', '--control-code', '1C902.a', '--description', 'SmCo magnets', '--to', 'JP', '--consignee', 'Mitsubishi Heavy Industries Aero Engines Ltd.', '--as-of', AS_OF);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^PROHIBITED \(1 row\)\n {2}check:1 {2}SmCo magnets$/m);
    expect(r.stdout).toMatch(/^ {4}prohibited cn\.measure\.control-list: .*— MOFCOM Announcement 2026 No\. 11/m);
    expect(r.stdout).toMatch(/^ {4}license {4}cn\.dual-use\.1C902\.a: /m);
  });

  it('a check with a party and no goods says what the party is and what the missing goods mean', () => {
    const r = cli('check', '--consignee', 'IHI Aerospace Co., Ltd.', '--as-of', '2026-11-28');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('cn.measure.control-list.unidentified');
    expect(r.stdout).toMatch(/No goods given .*: the verdict above is for goods not identified as dual-use/);
    expect(r.stdout).toMatch(/consignee "IHI Aerospace Co\., Ltd\.":\n {2}cn\.control-list\.ihi-aerospace .*\n(.*\n)* {4}goods {5}any dual-use item to it is prohibited/);
    expect(r.stdout).toContain('Lists searched, entities by country:');
  });

  it('a check without a shipment, or with a bad flag, is a usage error (exit 2)', () => {
    const empty = cli('check', '--as-of', AS_OF);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toMatch(/^dualscreen: check: describe the shipment/m);
    expect(cli('check', '--hs', '2846', '--fail-on', 'sometimes').status).toBe(2);
    expect(cli('check', '--hs', '2846', '--party-block', '0.7').status).toBe(2);
  });
});
