import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENGINE_RULE_IDS } from '../../src/model/rule-ids.js';

const ENGINE = fileURLToPath(new URL('../../src/engine/', import.meta.url));

describe('ENGINE_RULE_IDS', () => {
  it("lists every dualscreen.* rule id the engine's source raises, so waivers lint knows them", () => {
    const found = new Set<string>();
    for (const file of readdirSync(ENGINE).filter((f) => f.endsWith('.ts'))) {
      for (const m of readFileSync(`${ENGINE}${file}`, 'utf8').matchAll(/'(dualscreen\.[a-z-]+\.[a-z.-]+)'/g)) found.add(m[1]!);
    }
    expect(found.size).toBeGreaterThan(0);
    expect([...found].filter((id) => !(ENGINE_RULE_IDS as readonly string[]).includes(id))).toEqual([]);
  });
});
