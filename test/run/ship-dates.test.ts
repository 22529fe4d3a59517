import { describe, expect, it } from 'vitest';
import { screenTo, tempFile } from '../report/harness.js';

// lithium-ion cells of at least 300 Wh/kg (2025 No. 58) were suspended by 2025 No. 70 until 10 November 2026;
// gallium to Japan's Ministry of Defense is prohibited from 6 January 2026 (2026 No. 1)
const MANIFEST = [
  'Line,Ship Date,Description,HS Code,Destination,Consignee',
  'L1,2026-11-05,Lithium-ion battery cells 350 Wh/kg,8507600090,Germany,Bosch GmbH',
  'L2,20.11.2026,Lithium-ion battery cells 350 Wh/kg,8507600090,Germany,Bosch GmbH',
  'L3,TBA,Lithium-ion battery cells 350 Wh/kg,8507600090,Germany,Bosch GmbH',
  'L4,10/12/2026,Lithium-ion battery cells 350 Wh/kg,8507600090,Germany,Bosch GmbH',
  'L5,令和7年12月20日,Gallium metal 6N,8112929010,Japan,Japan Ministry of Defense',
  'L6,R8.1.7,Gallium metal 6N,8112929010,Japan,Japan Ministry of Defense',
  '',
].join('\n');

interface JsonRow {
  lineId: string;
  verdict: string;
  notes?: string[];
}

async function rows(options: { asOf: string; shipDates: boolean }): Promise<Map<string, JsonRow>> {
  const { out } = await screenTo('json', [tempFile('shipments.csv', MANIFEST)], { ...options, all: true, failOn: 'none' });
  return new Map((JSON.parse(out).rows as JsonRow[]).map((r) => [r.lineId, r]));
}

describe('rows judged on their ship dates', () => {
  it('judges each dated row on the rules of its own day, and says so where they differ from the as-of date', async () => {
    const got = await rows({ asOf: '2026-12-01', shipDates: true });
    expect(got.get('L1')).toMatchObject({ verdict: 'clear' });
    expect(got.get('L2')).toMatchObject({ verdict: 'license' });
    expect(got.get('L5')!.verdict).toBe('license');
    expect(got.get('L5')!.notes).toContain('judged on the rules of 2025-12-20, its ship date ("令和7年12月20日")');
    expect(got.get('L6')).toMatchObject({ verdict: 'prohibited' });
  });

  it('keeps the more severe verdict of a date that reads either way round, and of every later day for a cell that is no date', async () => {
    const got = await rows({ asOf: '2026-11-01', shipDates: true });
    expect(got.get('L4')!.verdict).toBe('license');
    expect(got.get('L4')!.notes).toContain('the ship date "10/12/2026" may mean either day (2026-10-12: clear; 2026-12-10: license): the more severe verdict is kept');
    expect(got.get('L3')!.verdict).toBe('license');
    expect(got.get('L3')!.notes).toContain('the ship date "TBA" cannot be read as a date: judged on the rules from 2026-11-01 on (2026-11-01: clear; 2026-11-11: license), the most severe verdict kept');
  });

  it('judges every row on --as-of alone when ship dates are not asked for', async () => {
    const got = await rows({ asOf: '2026-11-05', shipDates: false });
    expect([...got.values()].map((r) => r.verdict)).toEqual(['clear', 'clear', 'clear', 'clear', 'prohibited', 'prohibited']);
    expect([...got.values()].flatMap((r) => r.notes ?? []).filter((n) => n.includes('ship date'))).toEqual([]);
  });
});
