import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyBaseline, loadBaseline } from '../../src/gate/baseline.js';
import { rowFingerprint } from '../../src/manifest/row.js';
import { gatingVerdict } from '../../src/model/result.js';
import { fixture, SAMPLE, sampleLines, screenFile, tempFile } from './screen-fixture.js';

const BASELINE = fixture('gate/baseline.json');

async function gated(path: string) {
  const { counts } = loadBaseline(BASELINE);
  const left = new Map(counts);
  return (await screenFile(path)).map((r) => applyBaseline(r, rowFingerprint(r.row), left));
}

describe('--baseline', { timeout: 30_000 }, () => {
  it('knows every finding of the run that made it, except prohibited ones, which always count', async () => {
    const results = await gated(SAMPLE);
    const flagged = results.filter((r) => r.findings.length > 0);
    expect(flagged.length).toBe(15);
    const all = flagged.flatMap((r) => r.findings);
    expect(all.every((f) => f.baseline === (f.verdict === 'prohibited' ? 'new' : 'known'))).toBe(true);
    expect(all.some((f) => f.verdict === 'prohibited')).toBe(true);
    expect(results.every((r) => gatingVerdict(r) === (r.verdict === 'prohibited' ? 'prohibited' : 'clear'))).toBe(true);
    expect(results.filter((r) => r.findings.length === 0).every((r) => r.baseline === undefined)).toBe(true);
  });

  it('matches rows by content, not line: a re-ordered, re-spaced export is still known; a new row and a second copy are new', async () => {
    const { header, byId } = sampleLines(readFileSync(SAMPLE, 'utf8'));
    const respaced = byId.get('SO-1001')!.replace('Dysprosium oxide', 'DYSPROSIUM  OXIDE');
    const rows = [
      byId.get('SO-1013')!,
      respaced,
      byId.get('SO-1011')!,
      byId.get('SO-1011')!, // shipped twice: the baseline had it once
      'SO-1021,Gallium metal 6N,8112921010,,10,kg,5000,USD,CN,CN,DE,Muster GmbH,Muster GmbH,research',
    ];
    const results = await gated(tempFile('reordered.csv', `${header}\n${rows.join('\n')}\n`));
    expect(results.map((r) => `${r.row.values.line_id}:${r.baseline}`)).toEqual(['SO-1013:known', 'SO-1001:known', 'SO-1011:known', 'SO-1011:new', 'SO-1021:new']);
    expect(results[3]!.findings.map((f) => f.baseline)).toEqual(['new', 'new']);
    expect(gatingVerdict(results[2]!)).toBe('clear');
    expect(gatingVerdict(results[3]!)).toBe('license');
  });

  it('a changed row is a new row: its fingerprint differs, so all its findings count', async () => {
    const { header, byId } = sampleLines(readFileSync(SAMPLE, 'utf8'));
    // the same line now goes to a party on the export control list: a new, prohibited finding
    const changed = byId.get('SO-1001')!.replaceAll('Shin-Etsu Trading Co. Ltd.', 'IHI Aerospace Co. Ltd.');
    const [r] = await gated(tempFile('changed.csv', `${header}\n${changed}\n`));
    expect(r!.baseline).toBe('new');
    expect(gatingVerdict(r!)).toBe('prohibited');
    expect(r!.findings.every((f) => f.baseline === 'new')).toBe(true);
  });

  it('refuses a file that is not a dualscreen/report@1 with row fingerprints', () => {
    expect(() => loadBaseline(tempFile('x.json', '{ not json'))).toThrow(/x\.json: baseline is not JSON/);
    expect(() => loadBaseline(tempFile('y.json', '{"schema":"sarif","rows":[]}'))).toThrow(/baseline: schema: not a dualscreen\/report@1 document/);
    const old = { schema: 'dualscreen/report@1', rows: [{ input: 'm.csv', line: 2, lineId: null, values: {}, findings: [] }] };
    expect(() => loadBaseline(tempFile('old.json', JSON.stringify(old)))).toThrow(/rows\.0\.fingerprint: the row has no fingerprint/);
    expect(() => loadBaseline('nope.json')).toThrow(/nope\.json: cannot read baseline \(no such file\)/);
  });
});
