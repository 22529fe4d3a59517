/**
 * --waivers: a YAML file of approved exceptions. A waiver names a rule and at least one row selector
 * (fingerprint, line id, party, HS code; all that are given must match), so it can never silence a
 * rule everywhere. A waived finding is still reported; an expired waiver waives nothing and is itself
 * a finding at the level of the finding it covered.
 */
import { z } from 'zod';
import { readUserFile, refOf, type FileRef } from '../files/file.js';
import { describeIssues, parseYaml } from '../files/yaml.js';
import { hsDigits } from '../match/codes.js';
import { foldText } from '../match/fold.js';
import type { NameFeatures } from '../match/party-names.js';
import type { Finding, Result } from '../model/result.js';
import type { RowValues } from '../model/row.js';
import { GATE_RULES, isGateRule } from '../model/rule-ids.js';
import { HsCodeField, IsoDate, Label, Text } from './fields.js';
import { featuresOf, sameName } from './names.js';

const SELECTORS = ['fingerprint', 'line_id', 'party', 'hs_code', 'description'] as const;
/** Selectors that say what the row holds, not only where it is: a waiver without one covers whatever reuses its line id. */
export const CONTENT_SELECTORS = ['fingerprint', 'party', 'hs_code', 'description'] as const;

/** Descriptions compared as text: case, width and spacing aside. */
const sameText = (s: string): string => foldText(s).replace(/\s+/g, ' ').trim();

export const Waiver = z
  .object({
    id: Label,
    rule: Text,
    fingerprint: z.string().trim().regex(/^[0-9a-f]{16}$/, 'a row fingerprint is 16 hex digits (rows[].fingerprint of a JSON report)').optional(),
    line_id: Label.optional(),
    party: Text.optional(),
    hs_code: HsCodeField.optional(),
    description: Text.transform(sameText).optional(),
    reason: Text,
    approved_by: Text,
    expires: IsoDate,
  })
  .strict()
  .refine((w) => SELECTORS.some((k) => w[k] !== undefined), {
    message: `a waiver needs at least one of ${SELECTORS.join(', ')} besides its rule, so that it never silences a rule everywhere`,
  });
export type Waiver = z.infer<typeof Waiver>;

const WaiversFile = z
  .object({ waivers: z.array(z.unknown(), { error: (i) => (i.input === undefined ? 'required: the list of waivers' : 'expected a list of waivers') }) })
  .strict();
const ALLOWED = `id, rule, ${SELECTORS.join(', ')}, reason, approved_by, expires`;

export interface LoadedWaiver extends Waiver {
  /** `file:line:col` of the entry. */
  at: string;
  partyName?: NameFeatures;
}

export interface WaiverSet {
  ref: FileRef;
  waivers: LoadedWaiver[];
  /** Malformed entries and duplicate ids, as `file:line:col: message`; the entries themselves are left out. */
  problems: string[];
}

/** Validates every entry on its own, so that `waivers lint` can report them all. */
export function parseWaivers(text: string, ref: FileRef): WaiverSet {
  const yaml = parseYaml(text, ref.path);
  const file = WaiversFile.safeParse(yaml.data ?? {});
  if (!file.success) return { ref, waivers: [], problems: describeIssues(file.error.issues, yaml.locate, 'waivers') };
  const waivers: LoadedWaiver[] = [];
  const problems: string[] = [];
  const ids = new Map<string, string>();
  file.data.waivers.forEach((entry, i) => {
    const path = ['waivers', i];
    const parsed = Waiver.safeParse(entry);
    if (!parsed.success) {
      problems.push(...describeIssues(parsed.error.issues, yaml.locate, ALLOWED, path));
      return;
    }
    const at = yaml.locate(path);
    const w = parsed.data;
    const first = ids.get(w.id);
    if (first) problems.push(`${yaml.locate([...path, 'id'])}: duplicate waiver id "${w.id}" (first at ${first})`);
    else ids.set(w.id, at);
    waivers.push({ ...w, at, partyName: w.party === undefined ? undefined : featuresOf(w.party) });
  });
  return { ref, waivers, problems };
}

export function loadWaivers(path: string): WaiverSet {
  const file = readUserFile(path, 'waivers file');
  return parseWaivers(file.bytes.toString('utf8'), refOf(file));
}

/** What a waiver is matched against: a screened row, or a row of an earlier JSON report. */
export interface RowRef {
  fingerprint: string;
  values: RowValues;
}

/** Whether a waiver covers a finding: its rule id exactly (never a prefix), and every selector it gives. */
export function waiverCovers(w: LoadedWaiver, row: RowRef, ruleId: string): boolean {
  if (w.rule !== ruleId || isGateRule(ruleId)) return false;
  if (w.fingerprint !== undefined && w.fingerprint !== row.fingerprint) return false;
  if (w.line_id !== undefined && w.line_id !== row.values.line_id?.trim()) return false;
  if (w.hs_code !== undefined && w.hs_code !== hsDigits(row.values.hs_code)) return false;
  if (w.description !== undefined && w.description !== sameText(row.values.description ?? '')) return false;
  const party = w.partyName;
  if (party && ![row.values.consignee, row.values.end_user].some((n) => n && sameName(party, featuresOf(n)))) return false;
  return true;
}

/**
 * Marks findings waived by a waiver in force on `asOf`. Each expired waiver that would have matched adds
 * a finding right after the one it covered, at the same verdict.
 */
export function applyWaivers(result: Result, row: RowRef, set: WaiverSet, asOf: string): Result {
  let changed = false;
  const findings = result.findings.flatMap((f): Finding[] => {
    const matching = set.waivers.filter((w) => waiverCovers(w, row, f.ruleId));
    if (matching.length === 0) return [f];
    changed = true;
    const active = matching.find((w) => w.expires >= asOf);
    if (active) return [{ ...f, waived: { waiverId: active.id, reason: active.reason, approvedBy: active.approved_by, expires: active.expires } }];
    return [f, ...matching.map((w) => expiredFinding(w, f))];
  });
  return changed ? { ...result, findings } : result;
}

function expiredFinding(w: LoadedWaiver, covered: Finding): Finding {
  return {
    ruleId: GATE_RULES.waiverExpired,
    verdict: covered.verdict,
    message: `waiver ${w.id} for ${covered.ruleId} expired on ${w.expires}, so the finding counts again: renew the approval or remove the waiver (approved by ${w.approved_by}: ${w.reason})`,
    source: `waivers file ${w.at}`,
    evidence: [{ field: 'waiver', value: w.id, matched: covered.ruleId, kind: 'data' }],
  };
}
