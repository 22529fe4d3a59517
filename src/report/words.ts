/** The reports' words in the language asked for: verdicts, findings, notes, counts, the gate and the warnings. */
import { format, text } from '../i18n/format.js';
import { isColumn } from '../i18n/labels.js';
import type { Lang } from '../model/message.js';
import type { Evidence, Finding, Result } from '../model/result.js';
import type { RunWarning } from '../model/run.js';
import type { Verdict } from '../model/verdict.js';
import { failingRows, type GateOutcome } from './outcome.js';
import type { Summary } from './types.js';
import { clip, visible } from './visible.js';

export const verdictWord = (v: Verdict | 'rejected', lang: Lang): string => text(lang, `verdict.${v}`);

/** A finding's message: English as the engine wrote it, else rendered from its catalogue message. */
export const findingMessage = (f: Finding, lang: Lang): string => (lang === 'en' || !f.text ? f.message : format(f.text, lang));

/** The row's notes in the language; notes without a message (added by the gate) stay in English. */
export const noteMessages = (r: Result, lang: Lang): string[] =>
  lang === 'en' ? r.notes : r.notes.map((n, i) => (r.noteText?.[i] ? format(r.noteText[i], lang) : n));

/** "20 rows · 5 prohibited · 5 license · 5 review · 5 clear · 0 rejected" */
export const countsText = (s: Summary, lang: Lang): string => text(lang, 'counts', { ...s });

/** "FAILS --fail-on prohibited: 5 rows count (not counted: …)" or "passes …". */
export function gateText(gate: GateOutcome, rejected: number, lang: Lang): string {
  const exempt = gate.waived + gate.covered + gate.known > 0 ? text(lang, 'gate.exempt', { waived: gate.waived, covered: gate.covered, known: gate.known }) : '';
  const unread = rejected > 0 ? text(lang, 'gate.rejected', { count: rejected }) : '';
  if (gate.failOn === 'none') return `${text(lang, 'gate.off')}${exempt}${unread}`;
  // the flag's own value, as the command line takes it
  const failOn = gate.failOn;
  const head = gate.failed ? text(lang, 'gate.fails', { failOn, count: failingRows(gate) }) : text(lang, 'gate.passes', { failOn });
  return `${head}${exempt}${unread}`;
}

/** "warning W-SUSPENSION-ENDED:MOFCOM-2025-72: the suspension … (3 flagged rows rest on them)" */
export function warningText(w: RunWarning, lang: Lang): string {
  const rows = w.rows !== undefined ? text(lang, 'warning.rows', { rows: w.rows }) : '';
  return text(lang, 'warning.line', { code: w.code, text: `${format(w.text, lang)}${rows}` });
}

export function acknowledgedText(w: RunWarning, lang: Lang): string | undefined {
  const a = w.acknowledged;
  return a && text(lang, 'warning.acknowledged', { code: w.code, until: a.until, reason: a.reason });
}

/** Why a finding does not count for --fail-on, as the text report marks it. */
export function gateMarkTexts(f: Finding, lang: Lang): string[] {
  const marks: string[] = [];
  if (f.waived) marks.push(text(lang, 'mark.waived', { id: f.waived.waiverId, by: f.waived.approvedBy, expires: f.waived.expires, reason: f.waived.reason }));
  if (f.coveredBy) marks.push(text(lang, 'mark.covered', { licence: f.coveredBy.licence }));
  if (f.baseline === 'known') marks.push(text(lang, 'mark.known'));
  return marks;
}

/** Why a finding does not count, in one clause (CSV reasons, CI formats). */
export function exemptionText(f: Finding, lang: Lang): string | undefined {
  if (f.waived) return text(lang, 'exempt.waived', { id: f.waived.waiverId, reason: f.waived.reason, by: f.waived.approvedBy, expires: f.waived.expires });
  if (f.coveredBy) return text(lang, 'exempt.covered', { licence: f.coveredBy.licence });
  if (f.baseline === 'known') return text(lang, 'exempt.known');
  return undefined;
}

/** `field "value" → matched 0.88`: a canonical column named in the language asked for, another field (a header, a licence) as written. */
export function describeEvidence(e: Evidence, lang: Lang = 'en'): string {
  const score = e.score !== undefined && e.score < 1 ? ` ${e.score.toFixed(2)}` : '';
  const shown = clip(e.value, 40);
  const field = lang === 'en' || !isColumn(e.field) ? visible(e.field) : text(lang, `field.${e.field}`);
  return e.matched ? `${field} "${shown}" → ${visible(e.matched)}${score}` : `${field} "${shown}"`;
}

/** A finding's evidence in English, bracketed, for the one-line formats: ` [field "value" → matched; …]`, or ''. */
export const evidenceText = (f: Finding): string => (f.evidence.length ? ` [${f.evidence.map((e) => describeEvidence(e)).join('; ')}]` : '');
