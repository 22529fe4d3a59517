/**
 * Rule-data warnings as a user meets them: each once, in one short line with its code; a suspension warning
 * only when a flagged row of this run rests on the rules it concerns; listed in the JSON report; --quiet and an
 * acknowledgement in the config file (until a date) keep them off the terminal, never out of the report.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SAMPLE, screenTo, tempFile } from './harness.js';

const SUSPENSION = 'W-SUSPENSION-ENDED:MOFCOM-2025-72';
const lines = readFileSync(join(ROOT, SAMPLE), 'utf8').trimEnd().split('\n');
/** The sample's header and the lines with these ids. */
const manifest = (...ids: string[]): string => tempFile('m.csv', `${[lines[0], ...lines.filter((l) => ids.includes(l.split(',')[0]!))].join('\n')}\n`);

interface JsonWarning {
  code: string;
  message: string;
  rows?: number;
  acknowledged?: { code: string; until: string; reason: string };
}
const jsonWarnings = async (file: string, asOf = '2026-11-28', acknowledge: { code: string; until: string; reason: string }[] = []): Promise<JsonWarning[]> =>
  (JSON.parse((await screenTo('json', [file], { asOf, acknowledge })).out) as { warnings: JsonWarning[] }).warnings;

describe('rule-data warnings', () => {
  it('the end of a suspension is reported when a row rests on the suspended rules, with how many rows do', async () => {
    // SO-1006: gallium nitride to the United States, under clause 2 of 2024 No. 46 whose suspension ended on 2026-11-27
    expect(await jsonWarnings(manifest('SO-1006', 'SO-1001'))).toEqual([{ code: SUSPENSION, message: expect.stringMatching(/^the suspension by MOFCOM Announcement 2025 No\. 72 .* ended on 2026-11-27/), rows: 1 }]);
    // rare earths to Japan and T-shirts: nothing of the suspension concerns them
    expect(await jsonWarnings(manifest('SO-1001', 'SO-1009'))).toEqual([]);
  });

  it('the staleness warning holds for every row once the as-of date is after the rule data', async () => {
    const codes = (await jsonWarnings(manifest('SO-1009'), '2099-01-01')).map((w) => w.code);
    expect(codes).toEqual(['W-DATA-STALE']);
  });

  it('the text report gives each warning once, in one line with its code; --quiet leaves it out', async () => {
    const file = manifest('SO-1006', 'SO-1001');
    const { out } = await screenTo('text', [file]);
    const warningLines = out.split('\n').filter((l) => l.startsWith('warning '));
    expect(warningLines).toEqual([expect.stringMatching(/^warning W-SUSPENSION-ENDED:MOFCOM-2025-72: .*\(1 flagged row rests on them\)$/)]);
    expect(warningLines[0]!.length).toBeLessThan(250);
    expect((await screenTo('text', [file], { quiet: true })).out).not.toContain('warning ');
  });

  it('other formats send each warning once to the terminal, unless --quiet', async () => {
    const file = manifest('SO-1006');
    const said: string[] = [];
    await screenTo('json', [file], { warn: (t) => said.push(t) });
    expect(said.filter((t) => t.includes(SUSPENSION))).toHaveLength(1);
    said.length = 0;
    await screenTo('sarif', [file], { quiet: true, warn: (t) => said.push(t) });
    expect(said).toEqual([]);
  });

  it('an acknowledgement silences the warning on the terminal until its date, and the reports record it', async () => {
    const file = manifest('SO-1006');
    const ack = { code: 'W-SUSPENSION-ENDED', until: '2026-12-31', reason: 'legal checked MOFCOM site 2026-11-30: no extension' };
    expect(await jsonWarnings(file, '2026-11-28', [ack])).toEqual([expect.objectContaining({ code: SUSPENSION, acknowledged: ack })]);
    const text = (await screenTo('text', [file], { acknowledge: [ack] })).out;
    expect(text).not.toMatch(/^warning /m);
    expect(text).toContain('legal checked MOFCOM site 2026-11-30');
    // the day after it ends, the warning is back
    const later = await jsonWarnings(file, '2027-01-01', [ack]);
    expect(later.find((w) => w.code === SUSPENSION)).toEqual(expect.not.objectContaining({ acknowledged: expect.anything() }));
  });

  it('the config key acknowledge is read by the CLI', () => {
    const file = manifest('SO-1006');
    const config = tempFile('.dualscreen.yaml', 'acknowledge:\n  - code: W-SUSPENSION-ENDED:MOFCOM-2025-72\n    until: 2026-12-31\n    reason: checked\n');
    const run = (...extra: string[]) =>
      spawnSync(process.execPath, [join(ROOT, 'bin/dualscreen.js'), 'screen', file, '--as-of', '2026-11-28', '--fail-on', 'none', '--no-color', ...extra], { cwd: ROOT, encoding: 'utf8' });
    expect(run().stdout).toMatch(/^warning W-SUSPENSION-ENDED/m);
    expect(run('--config', config).stdout).not.toMatch(/^warning /m);
    const bad = run('--config', tempFile('.dualscreen.yaml', 'acknowledge:\n  - code: W-DATA-STALE\n'));
    expect(bad.status).toBe(2);
  });
});
