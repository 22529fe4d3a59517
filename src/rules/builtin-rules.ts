/**
 * The rules dualscreen raises itself (the engine's and the gating stage's), described for
 * `rules show`: what each means, the verdict it gives and what the user does about it. A test keeps
 * this list in step with ENGINE_RULE_IDS and GATE_RULES.
 */
import type { Verdict } from '../model/verdict.js';

export interface BuiltinRule {
  id: string;
  /** Who raises it: the engine on a row, or the gating stage (waivers, licence register). */
  raisedBy: 'engine' | 'gate';
  verdicts: Verdict[];
  title: string;
  /** When it fires and what to do. */
  meaning: string;
}

export const BUILTIN_RULES: BuiltinRule[] = [
  {
    id: 'dualscreen.hs-code.covers-controlled',
    raisedBy: 'engine',
    verdicts: ['review'],
    title: 'A declared HS heading covers reference codes of controlled items',
    meaning:
      'The row declares a 4-, 6- or 8-digit HS code under which the packs list 10-digit reference codes of dual-use items, and the description does not name one of them. One finding names the items; declare the full 10-digit code or the control code to settle it.',
  },
  {
    id: 'dualscreen.control-code.not-encoded',
    raisedBy: 'engine',
    verdicts: ['review'],
    title: 'A declared control code that no loaded pack encodes',
    meaning:
      'The row declares a control code in the form of China\'s list (such as 1C999) that no loaded pack encodes on the as-of date, or encodes only its sub-items. Review it against the official list, or declare the sub-item.',
  },
  {
    id: 'dualscreen.control-code.covers-listed',
    raisedBy: 'engine',
    verdicts: ['license', 'review'],
    title: 'A declared control code is the heading of listed sub-items',
    meaning:
      'The row declares a heading (1C210) whose sub-items (1C210.a ...) are listed: license where every sub-item needs a licence, review otherwise. Declare the sub-item.',
  },
  {
    id: 'dualscreen.party.possible-match',
    raisedBy: 'engine',
    verdicts: ['review'],
    title: 'A consignee or end user may be a listed party',
    meaning:
      'A party name scores between --party-review (0.8) and --party-block (0.92) against a listed name, or matches a name a pack marks review-only. Check whether the party is the listed entity (address, legal form, parent).',
  },
  {
    id: 'dualscreen.data.unidentified',
    raisedBy: 'engine',
    verdicts: ['review'],
    title: 'A row with no description, HS code or control code',
    meaning: 'Nothing on the row identifies the goods, so it cannot be judged. Fill in the goods (a totals row at the end of a file is noted instead).',
  },
  {
    id: 'dualscreen.data.invalid-hs-code',
    raisedBy: 'engine',
    verdicts: ['review'],
    title: 'An HS code that is not a valid code',
    meaning:
      'The HS code has characters other than digits and separators, or a number of digits a Chinese code does not have (4, 6, 8 or 10). Another country\'s code (a 9-digit Japanese or 10-digit US one) is read with --hs-scheme intl.',
  },
  {
    id: 'dualscreen.data.invalid-control-code',
    raisedBy: 'engine',
    verdicts: ['review'],
    title: 'A control code that cannot be read',
    meaning: 'The control code cell holds something other than codes such as 1C902.a (or a "not controlled" word such as EAR99, 非該当). Correct the code.',
  },
  {
    id: 'dualscreen.data.invalid-cas-number',
    raisedBy: 'engine',
    verdicts: ['review'],
    title: 'A CAS number that is not a valid number',
    meaning:
      'The CAS number cell holds digits that make no CAS registry number: its check digit is wrong, or digits are missing. A chemical the packs list may be behind it. Correct the number (written with or without hyphens: 111-48-8 or 111488).',
  },
  {
    id: 'dualscreen.data.unclassified-sensitive',
    raisedBy: 'engine',
    verdicts: ['review'],
    title: 'Unclassified goods for a military or listed party',
    meaning:
      'The row has no HS code or control code, and its parties or end use point to the military or to a listed entity: it cannot be cleared on the description alone. Classify the goods.',
  },
  {
    id: 'dualscreen.data.military-no-country',
    raisedBy: 'engine',
    verdicts: ['review'],
    title: 'A military user or use, and no country on the row',
    meaning:
      "The row's parties or end use point to the military, and it names no destination, consignee or end-user country, nor a military user whose country is known: China's measures ban every dual-use item to Japanese (2026 No. 1) and US (2024 No. 46) military users and uses, so ordinary goods cannot be cleared without knowing whose military it is. Give the country.",
  },
  {
    id: 'dualscreen.waiver.expired',
    raisedBy: 'gate',
    verdicts: ['prohibited', 'license', 'review'],
    title: 'A waiver that would cover the finding has expired',
    meaning: 'A waiver in --waivers matches the finding but its expiry date has passed, so the finding counts again, at its own verdict. Renew the approval or remove the waiver.',
  },
  {
    id: 'dualscreen.licence.mismatch',
    raisedBy: 'gate',
    verdicts: ['license'],
    title: "A licence for the row's item and party does not cover the row",
    meaning:
      "A licence in the register names the row's item and its consignee or end user, but not its destination, unit, currency or the other party. Check the shipment against the licence.",
  },
  {
    id: 'dualscreen.licence.expired',
    raisedBy: 'gate',
    verdicts: ['license'],
    title: 'The licence for the row has expired',
    meaning: 'The licence that names the row was valid only until a date before the as-of date.',
  },
  {
    id: 'dualscreen.licence.not-yet-valid',
    raisedBy: 'gate',
    verdicts: ['license'],
    title: 'The licence for the row is not valid yet',
    meaning: 'The licence that names the row is valid only from a date after the as-of date.',
  },
  {
    id: 'dualscreen.licence.overdrawn',
    raisedBy: 'gate',
    verdicts: ['license'],
    title: 'The licence has too little quantity or value left',
    meaning: 'The rows before this one (in input order) drew the licence down: what is left does not cover this row.',
  },
];

export const BUILTIN_SOURCE = "dualscreen's own rules (README: Verdicts; rules/CONVENTIONS.md)";
