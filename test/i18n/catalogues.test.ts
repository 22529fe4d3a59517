/**
 * One catalogue per language (src/i18n): each has every key of the English one, with the same placeholders,
 * and every message id the code names is in them; a missing or misspelt key fails here, not in a user's report.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { CATALOGUES, parseTemplate } from '../../src/i18n/format.js';
import { LANGS } from '../../src/model/message.js';

type Node = ReturnType<typeof parseTemplate>[number];

/** The placeholder names of a template, branches included; lists marked (`n`, `n:list`). A plural in English may be a plain number in Chinese. */
function placeholders(nodes: Node[], out = new Set<string>()): Set<string> {
  for (const n of nodes) {
    if (typeof n === 'string') continue;
    if ('list' in n) out.add(`${n.arg}:list`);
    else if ('choose' in n) {
      out.add(n.arg);
      for (const branch of n.branches.values()) placeholders(branch, out);
    } else out.add(n.arg);
  }
  return out;
}

const sorted = (s: Set<string>): string[] => [...s].sort();

describe('message catalogues', () => {
  for (const lang of LANGS) {
    it(`${lang}: every key of en.ts, no other, each a non-empty template with the English placeholders`, () => {
      const catalogue = CATALOGUES[lang] as Record<string, string>;
      expect(Object.keys(catalogue).sort()).toEqual(Object.keys(en).sort());
      for (const [id, english] of Object.entries(en)) {
        const template = catalogue[id]!;
        expect(template, `${lang} ${id}`).not.toBe('');
        expect(sorted(placeholders(parseTemplate(template))), `${lang} ${id}`).toEqual(sorted(placeholders(parseTemplate(english))));
      }
    });
  }

  it('zh has no Japanese kana, and neither zh nor ja has English words left in it', () => {
    for (const [id, t] of Object.entries(CATALOGUES.zh)) expect(t, id).not.toMatch(/[\u3040-\u30ff]/);
    // placeholders, select and plural heads and their branch keys are names, not words
    const words = (t: string): string => t.replace(/\{\s*\w+\s*(,\s*\w+\s*,?)?\}?/g, '').replace(/\b\w+ \{/g, '').replace(/https?:\S+/g, '');
    for (const lang of ['zh', 'ja'] as const) {
      for (const [id, t] of Object.entries(CATALOGUES[lang])) expect(words(t), `${lang} ${id}`).not.toMatch(/\b(the|and|of|not|with|for|rows?|from|this|is|are)\b/);
    }
  });

  it('every message id the code names is in the catalogues', () => {
    const ids = new Set<string>();
    const prefixes = new Set<string>();
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (path.endsWith('.ts') && !path.includes('/i18n/')) {
          const source = readFileSync(path, 'utf8');
          for (const m of source.matchAll(/\b(?:text|msg)\((?:lang, |[a-z.]+, )?'([a-z][\w.-]*)'/g)) ids.add(m[1]!);
          for (const m of source.matchAll(/\b(?:text|msg)\((?:lang, |[a-z.]+, )?`([a-z][\w.-]*\.)\$\{/g)) prefixes.add(m[1]!);
        }
      }
    };
    walk(join(__dirname, '../../src'));
    expect(ids.size).toBeGreaterThan(50);
    for (const id of ids) expect(Object.keys(en), id).toContain(id);
    for (const prefix of prefixes) expect(Object.keys(en).some((k) => k.startsWith(prefix)), prefix).toBe(true);
  });
});
