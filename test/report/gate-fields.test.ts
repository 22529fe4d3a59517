/**
 * The gate's outcome in every machine format, the same numbers everywhere: JSON `gate`, SARIF run
 * properties, JUnit properties, the markdown line; with waivers, so `waived` is not zero.
 */
import { describe, expect, it } from 'vitest';
import { SAMPLE, screenTo } from './harness.js';

const options = { waivers: 'fixtures/gate/waivers.yaml', failOn: 'license' as const };

describe('gate outcome in the machine formats', { timeout: 60_000 }, () => {
  it('JSON, SARIF, JUnit and markdown give the same gate', async () => {
    const json = JSON.parse((await screenTo('json', [SAMPLE], options)).out) as { gate: Record<string, unknown> };
    const { gate } = json;
    expect(gate).toEqual({
      failOn: 'license',
      failed: true,
      counted: { prohibited: expect.any(Number), license: expect.any(Number), review: expect.any(Number) },
      waived: expect.any(Number),
      covered: 0,
      known: 0,
    });
    expect(gate.waived).toBeGreaterThan(0);
    const counted = gate.counted as { prohibited: number; license: number; review: number } & Record<string, number>;
    expect(counted.prohibited + counted.license).toBeGreaterThan(0);

    const sarif = JSON.parse((await screenTo('sarif', [SAMPLE], options)).out) as { runs: { properties: { gate: unknown } }[] };
    expect(sarif.runs[0]!.properties.gate).toEqual(gate);

    const junit = (await screenTo('junit', [SAMPLE], options)).out;
    const prop = (name: string): string | undefined => new RegExp(`<property name="${name.replace(/\./g, '\\.')}" value="([^"]*)"/>`).exec(junit)?.[1];
    expect(prop('failOn')).toBe('license');
    expect(prop('gate.failed')).toBe('true');
    for (const v of ['prohibited', 'license', 'review']) expect(prop(`gate.counted.${v}`)).toBe(String(counted[v]));
    for (const k of ['waived', 'covered', 'known']) expect(prop(`gate.${k}`)).toBe(String(gate[k]));

    const md = (await screenTo('markdown', [SAMPLE], options)).out;
    expect(md).toMatch(new RegExp(`^\\*\\*Fails:\\*\\* ${counted.prohibited + counted.license} rows at or above license`, 'm'));
  });

  it('a passing gate says so', async () => {
    const json = JSON.parse((await screenTo('json', [SAMPLE], { failOn: 'none' })).out) as { gate: { failed: boolean; failOn: string } };
    expect(json.gate).toMatchObject({ failOn: 'none', failed: false });
  });
});
