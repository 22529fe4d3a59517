/**
 * `dualscreen rules diff OLD NEW [--manifest FILE]`: what a rule data update changes, entry by entry, and
 * which rows of a manifest change verdict because of it.
 */
import { compileRuleSet, type RuleSet } from '../engine/compile.js';
import { screen } from '../engine/screen.js';
import { openManifest } from '../manifest/read.js';
import { type Finding } from '../model/result.js';
import { mostSevere, type Verdict } from '../model/verdict.js';
import { diffRulePacks, SECTIONS, type EntryDiff, type FieldChange, type RuleDiff } from '../rules/diff.js';
import { itemLabel, measureLabel, partyLabel } from '../rules/labels.js';
import { loadRulePacks, type LoadedPack } from '../rules/load.js';
import type { Item, Measure, Party, RulePack } from '../rules/schema.js';

export interface DiffCommandOptions {
  old: string;
  new: string;
  manifest?: string;
  asOf: string;
  format: 'text' | 'json';
  /** Exit 1 when any row of the manifest changes verdict. */
  failOnChange?: boolean;
  write: (text: string) => void;
}

export interface VerdictChange {
  input: string;
  line: number;
  lineId: string | null;
  old: Verdict;
  new: Verdict;
  /** The rules whose verdict on the row differs: null where the rule does not fire. */
  rules: { ruleId: string; old: Verdict | null; new: Verdict | null }[];
  /** Notes that appear only under NEW (a suspension, a date not yet reached). */
  notes: string[];
}

export interface ManifestChanges {
  path: string;
  asOf: string;
  rows: number;
  changes: VerdictChange[];
}

export async function runDiff(o: DiffCommandOptions): Promise<number> {
  const before = loadRulePacks([o.old]);
  const after = loadRulePacks([o.new]);
  const diff = diffRulePacks(before, after);
  const manifest = o.manifest ? await verdictChanges(o.manifest, compileRuleSet(before), compileRuleSet(after), o.asOf) : undefined;
  o.write(o.format === 'json' ? diffJson(o, before, after, diff, manifest) : diffText(o, before, after, diff, manifest));
  return o.failOnChange && manifest && manifest.changes.length > 0 ? 1 : 0;
}

/** Screens every row of the manifest under both rule sets (read once) and keeps the rows whose verdict differs. */
export async function verdictChanges(path: string, before: RuleSet, after: RuleSet, asOf: string): Promise<ManifestChanges> {
  const out: ManifestChanges = { path, asOf, rows: 0, changes: [] };
  const manifest = await openManifest(path, { hsScheme: 'cn' });
  for await (const event of manifest.events) {
    if (event.kind !== 'row') continue;
    out.rows++;
    const a = screen(event.row, before, { asOf });
    const b = screen(event.row, after, { asOf });
    if (a.verdict === b.verdict) continue;
    const verdictsA = ruleVerdicts(a.findings);
    const verdictsB = ruleVerdicts(b.findings);
    const rules = [...new Set([...verdictsA.keys(), ...verdictsB.keys()])]
      .map((ruleId) => ({ ruleId, old: verdictsA.get(ruleId) ?? null, new: verdictsB.get(ruleId) ?? null }))
      .filter((r) => r.old !== r.new);
    out.changes.push({
      input: event.row.input,
      line: event.row.line,
      lineId: event.row.values.line_id ?? null,
      old: a.verdict,
      new: b.verdict,
      rules,
      notes: b.notes.filter((n) => !a.notes.includes(n)),
    });
  }
  return out;
}

/** Each rule's most severe verdict on a row. */
function ruleVerdicts(findings: Finding[]): Map<string, Verdict> {
  const out = new Map<string, Verdict>();
  for (const f of findings) out.set(f.ruleId, mostSevere([f.verdict, out.get(f.ruleId) ?? 'clear']));
  return out;
}

function label(e: EntryDiff): string {
  switch (e.section) {
    case 'packs': {
      const p = e.entry as RulePack;
      return `${p.version} (data as of ${p.dataAsOf})`;
    }
    case 'items':
      return itemLabel(e.entry as Item);
    case 'measures':
      return measureLabel(e.entry as Measure);
    case 'parties':
      return partyLabel(e.entry as Party);
  }
}

const show = (v: unknown): string => (typeof v === 'string' && /^[\w.:-]+$/.test(v) ? v : JSON.stringify(v));

function changeText(c: FieldChange): string {
  if (c.kind === 'added') return `${c.path}: + ${show(c.new)}`;
  if (c.kind === 'removed') return `${c.path}: − ${show(c.old)}`;
  return `${c.path}: ${show(c.old)} → ${show(c.new)}`;
}

const sideText = (path: string, packs: LoadedPack[]): string =>
  `${path} (${packs.length} pack${packs.length === 1 ? '' : 's'}, data as of ${packs.map((p) => p.pack.dataAsOf).sort().at(-1)})`;

const MARKS = { added: '+', removed: '−', changed: '~' } as const;

export function diffText(o: DiffCommandOptions, before: LoadedPack[], after: LoadedPack[], diff: RuleDiff, manifest?: ManifestChanges): string {
  const out = [`rules diff: ${sideText(o.old, before)} → ${sideText(o.new, after)}`];
  for (const section of SECTIONS) {
    const entries = diff.entries.filter((e) => e.section === section);
    if (entries.length === 0) continue;
    out.push('', section);
    for (const e of entries) {
      out.push(`  ${MARKS[e.status]} ${e.id}  ${label(e)}${e.section === 'packs' ? '' : `  [${e.pack}]`}`);
      for (const c of e.changes) out.push(`      ${changeText(c)}`);
    }
  }
  const counts = SECTIONS.flatMap((s) => {
    const { added, removed, changed } = diff.counts[s];
    return added + removed + changed === 0 ? [] : [`${s} ${added} added, ${removed} removed, ${changed} changed`];
  });
  out.push('', `Summary: ${counts.join(' · ') || 'no differences'}`);
  if (manifest) {
    out.push('', `manifest ${manifest.path}: ${manifest.rows} rows screened as of ${manifest.asOf}; ${manifest.changes.length} change verdict`);
    for (const c of manifest.changes) {
      out.push(`  ${c.input}:${c.line}  ${c.lineId ?? '-'}  ${c.old} → ${c.new}`);
      for (const r of c.rules) out.push(`      ${r.ruleId}: ${r.old ?? '(none)'} → ${r.new ?? '(none)'}`);
      for (const n of c.notes) out.push(`      note: ${n}`);
    }
  }
  return `${out.join('\n')}\n`;
}

const sideJson = (path: string, packs: LoadedPack[]) => ({
  path,
  packs: packs.map(({ pack, sha256, path: file }) => ({ id: pack.id, version: pack.version, dataAsOf: pack.dataAsOf, sha256, path: file })),
});

function diffJson(o: DiffCommandOptions, before: LoadedPack[], after: LoadedPack[], diff: RuleDiff, manifest?: ManifestChanges): string {
  const doc = {
    schema: 'dualscreen/rules-diff@1',
    old: sideJson(o.old, before),
    new: sideJson(o.new, after),
    counts: diff.counts,
    entries: diff.entries.map((e) => ({ section: e.section, id: e.id, status: e.status, pack: e.pack, label: label(e), changes: e.changes })),
    ...(manifest ? { manifest } : {}),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
