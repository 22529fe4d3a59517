/** Listed parties indexed by name features, with a cache per distinct name on documents. */
import { foldText } from '../manifest/normalise.js';
import type { Confidence, Party } from '../rules/schema.js';
import { compareNames, nameFeatures, type NameFeatures, type NameScore } from './party-names.js';

export interface PartyRef {
  party: Party;
  /** Source title of the party's listing. */
  source: string;
  sourceUrl?: string;
}

interface IndexedName {
  ref: PartyRef;
  name: string;
  features: NameFeatures;
  /** Matches on this name only ever raise review. */
  reviewOnly: boolean;
  confidence: Confidence;
}

export interface PartyMatch {
  ref: PartyRef;
  /** The listed name that matched. */
  name: string;
  score: number;
  basis: NameScore['basis'];
  /** True when the score cannot block because the name or entry is LOW or review-only. */
  reviewOnly: boolean;
}

export interface PartyThresholds {
  block: number;
  review: number;
}

export const DEFAULT_PARTY_THRESHOLDS: PartyThresholds = { block: 0.92, review: 0.8 };

const CACHE_LIMIT = 50_000;

export class PartyIndex {
  private readonly names: IndexedName[] = [];
  private readonly byFeature = new Map<string, number[]>();
  private readonly cache = new Map<string, PartyMatch[]>();

  constructor(readonly thresholds: PartyThresholds = DEFAULT_PARTY_THRESHOLDS) {}

  get size(): number {
    return this.names.length;
  }

  add(ref: PartyRef, name: string, reviewOnly: boolean, confidence: Confidence): void {
    const features = nameFeatures(name);
    const id = this.names.length;
    this.names.push({ ref, name, features, reviewOnly: reviewOnly || confidence === 'LOW', confidence });
    for (const f of features.weights.keys()) {
      if (f.startsWith('§')) continue;
      const list = this.byFeature.get(f);
      if (list) list.push(id);
      else this.byFeature.set(f, [id]);
    }
  }

  /** The best match per party at or above the review threshold, strongest first. */
  match(raw: string): PartyMatch[] {
    const name = raw.trim();
    if (name === '') return [];
    const cached = this.cache.get(name);
    if (cached) return cached;
    const result = this.compute(name);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(name, result);
    return result;
  }

  /**
   * "JAXA, Tsukuba Space Center", "KHI Aerospace Systems Company (Gifu Works)": the name before a
   * comma, bracket or dash is scored too, so a site or department after a listed name does not
   * hide it.
   */
  private compute(name: string): PartyMatch[] {
    const lead = name.split(/\s*[,，、(（[|/]\s*|\s+[-–—]\s+/)[0]!.trim();
    const whole = this.score(name);
    // "Nippi, Inc.": what follows is only a legal form, which the whole name already weighs
    if (lead === '' || lead === name || nameFeatures(name.slice(lead.length)).key === '') return whole;
    const best = new Map(whole.map((m) => [m.ref.party.id, m]));
    for (const m of this.score(lead)) if (m.score > (best.get(m.ref.party.id)?.score ?? 0)) best.set(m.ref.party.id, m);
    return [...best.values()].sort((a, b) => b.score - a.score);
  }

  private score(name: string): PartyMatch[] {
    const query = nameFeatures(name);
    const candidates = new Set<number>();
    for (const f of query.weights.keys()) for (const id of this.byFeature.get(f) ?? []) candidates.add(id);
    if (candidates.size === 0) this.addFuzzyCandidates(query, candidates);
    const best = new Map<string, PartyMatch>();
    for (const id of candidates) {
      const n = this.names[id]!;
      const { score, basis } = compareNames(query, n.features, n.ref.party.list === 'military-user');
      if (score < this.thresholds.review) continue;
      const prev = best.get(n.ref.party.id);
      if (!prev || score > prev.score) {
        best.set(n.ref.party.id, { ref: n.ref, name: n.name, score: round(score), basis, reviewOnly: n.reviewOnly || n.ref.party.confidence === 'LOW' });
      }
    }
    return [...best.values()].sort((a, b) => b.score - a.score);
  }

  /** A misspelt name may share no exact feature: fall back to comparing it with every name. */
  private addFuzzyCandidates(query: NameFeatures, candidates: Set<number>): void {
    if (!/[a-z]{5}/.test(query.key)) return;
    this.names.forEach((_, id) => candidates.add(id));
  }

  /** Parties one of whose names contains the text, case- and width-folded: look-ups by part of a name ("Mitsubishi"). */
  containing(text: string): { ref: PartyRef; name: string }[] {
    const needle = foldText(text).trim();
    const found = new Map<string, { ref: PartyRef; name: string }>();
    if (needle === '') return [];
    for (const n of this.names) {
      if (!found.has(n.ref.party.id) && foldText(n.name).includes(needle)) found.set(n.ref.party.id, { ref: n.ref, name: n.name });
    }
    return [...found.values()];
  }

  isBlocking(m: PartyMatch): boolean {
    return !m.reviewOnly && m.score >= this.thresholds.block;
  }
}

const round = (x: number): number => Math.round(x * 100) / 100;
