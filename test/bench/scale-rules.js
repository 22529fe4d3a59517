/**
 * Rules scaling (issue 4 part 5): a synthetic rule set N times the size of the bundled one, and the
 * measurement of screening time with 1x and Nx rules on the same manifest (`npm run bench --
 * --scale-rules 10`).
 *
 * The folder written holds the real packs (under real/) and N-1 perturbed copies of every pack
 * (under copy-K/). A copy keeps each pack's structure and size: every item, party, measure, keyword,
 * exclusion, HS code, CAS number and term is there once per copy, but with ids, control codes, HS
 * codes, CAS numbers, keywords and names changed so that they collide neither with the real rules nor
 * with each other, and so that they match nothing in a realistic manifest:
 *   - control codes keep their dotted sub-items under a base code (digit, letter, three digits) that
 *     no real pack uses;
 *   - HS codes keep their length and move to chapter 77, which the Harmonized System reserves;
 *   - Latin words are letter-rotated (legal forms such as Co., Ltd. are kept, so party names still
 *     share those tokens), Chinese and Japanese characters are shifted inside their Unicode blocks;
 *   - measures get an item tag no item carries, so they never fire.
 * The copies' structure packs are left out (one structure is enough).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RULES = join(ROOT, 'rules');

function yamlFiles(dir, out = []) {
  for (const entry of readdirSync(dir).sort()) {
    const p = join(dir, entry);
    if (statSync(p).isDirectory()) yamlFiles(p, out);
    else if (/\.ya?ml$/.test(entry)) out.push(p);
  }
  return out;
}

const LEGAL_FORMS = new Set(
  ['co', 'co.', 'co.,', 'ltd', 'ltd.', 'ltd.,', 'inc', 'inc.', 'corp', 'corp.', 'corporation', 'company', 'limited', 'kk', 'k.k.', 'the', 'and', '&', 'of', 'llc', 'gmbh']
    .map((w) => w.toLowerCase()),
);
const CJK_KEEP = ['株式会社', '有限公司', '股份', '国立研究開発法人', '独立行政法人'];

/** Rotates Latin letters by `shift` (case kept), leaving digits and punctuation. */
function rotateLatin(word, shift) {
  return word.replace(/[A-Za-z]/g, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(base + ((c.charCodeAt(0) - base + shift) % 26));
  });
}

/** Shifts CJK ideographs and katakana inside their blocks; keeps the legal-form strings. */
function shiftCjk(text, k) {
  let out = '';
  for (let i = 0; i < text.length; ) {
    const keep = CJK_KEEP.find((s) => text.startsWith(s, i));
    if (keep) {
      out += keep;
      i += keep.length;
      continue;
    }
    const c = text.codePointAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) out += String.fromCodePoint(0x4e00 + ((c - 0x4e00 + 4099 * k) % 0x5200));
    else if (c >= 0x30a1 && c <= 0x30f6) out += String.fromCodePoint(0x30a1 + ((c - 0x30a1 + 7 * k) % 0x56));
    else if (c >= 0x3041 && c <= 0x3096) out += String.fromCodePoint(0x3041 + ((c - 0x3041 + 5 * k) % 0x56));
    else out += String.fromCodePoint(c);
    i += c > 0xffff ? 2 : 1;
  }
  return out;
}

/** The copy-K form of a keyword, exclusion, term or party name. */
function perturbText(text, k) {
  const shift = 1 + ((k * 7) % 25);
  return shiftCjk(text, k)
    .split(/(\s+)/)
    .map((w) => (LEGAL_FORMS.has(w.toLowerCase()) ? w : rotateLatin(w, shift)))
    .join('');
}

const mapKeywords = (kw, k) => (kw ? Object.fromEntries(Object.entries(kw).map(([lang, list]) => [lang, (list ?? []).map((t) => perturbText(String(t), k))])) : kw);

function qualified(entry, fn) {
  if (typeof entry === 'string') return fn(entry);
  return { ...entry, value: fn(entry.value) };
}

/** Every base control code (1C902 of 1C902.a) that a real pack uses. */
function realBases(packs) {
  const bases = new Set();
  for (const { doc } of packs) for (const item of doc.items ?? []) if (item.controlCode) bases.add(String(item.controlCode).slice(0, 5));
  return bases;
}

/**
 * Writes the real packs and `factor - 1` perturbed copies of each into `dir` and returns counts.
 */
export function writeScaledRules(dir, factor) {
  const packs = yamlFiles(RULES).map((path) => ({ path, text: readFileSync(path, 'utf8'), doc: YAML.parse(readFileSync(path, 'utf8')) }));
  const used = realBases(packs);
  // synthetic base codes, allocated in order from the code space and never a real one
  const candidates = (function* () {
    for (let d = 9; d >= 0; d--) for (const l of 'EDCBA') for (let n = 999; n >= 0; n--) yield `${d}${l}${String(n).padStart(3, '0')}`;
  })();
  const nextBase = () => {
    for (;;) {
      const { value, done } = candidates.next();
      if (done) throw new Error('scale-rules: out of control codes');
      if (!used.has(value)) {
        used.add(value);
        return value;
      }
    }
  };
  const counts = { packs: 0, items: 0, parties: 0, measures: 0, hsCodes: 0, keywords: 0, names: 0 };
  const count = (doc) => {
    counts.packs++;
    counts.items += (doc.items ?? []).length;
    counts.parties += (doc.parties ?? []).length;
    counts.measures += (doc.measures ?? []).length;
    for (const item of doc.items ?? []) {
      counts.hsCodes += (item.hsCodes ?? []).length;
      for (const list of Object.values(item.keywords ?? {})) counts.keywords += (list ?? []).length;
    }
    for (const p of doc.parties ?? []) for (const list of Object.values(p.names ?? {})) counts.names += (list ?? []).length;
  };

  for (const { path, text, doc } of packs) {
    const out = join(dir, 'real', relative(RULES, path));
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, text);
    count(doc);
  }

  let hsCounter = 0;
  let casCounter = 0;
  for (let k = 1; k < factor; k++) {
    const bases = new Map();
    const code = (c) => {
      const s = String(c);
      const base = s.slice(0, 5);
      if (!bases.has(base)) bases.set(base, nextBase());
      return bases.get(base) + s.slice(5);
    };
    const hs = (h) => {
      const s = String(h);
      const n = String(hsCounter++).padStart(s.length - 2, '0');
      if (n.length > s.length - 2) throw new Error('scale-rules: out of synthetic HS codes');
      return `77${n}`;
    };
    const cas = () => {
      casCounter++;
      return `${9000000 + casCounter}-${String(k).padStart(2, '0')}-${casCounter % 10}`;
    };
    for (const { path, doc } of packs) {
      if (doc.structure && !doc.items?.length && !doc.parties?.length) continue;
      const copy = structuredClone(doc);
      copy.id = `${doc.id}-synthetic-${k}`;
      delete copy.structure;
      copy.items = (doc.items ?? []).map((item) => ({
        ...item,
        id: `${item.id}.x${k}`,
        ...(item.controlCode ? { controlCode: code(item.controlCode) } : {}),
        hsCodes: (item.hsCodes ?? []).map((h) => qualified(h, hs)),
        keywords: mapKeywords(item.keywords, k),
        exclusions: (item.exclusions ?? []).map((t) => perturbText(String(t), k)),
        cas: (item.cas ?? []).map((c) => qualified(c, cas)),
      }));
      copy.parties = (doc.parties ?? []).map((p) => ({
        ...p,
        id: `${p.id}.x${k}`,
        names: Object.fromEntries(
          Object.entries(p.names ?? {}).map(([lang, list]) => [
            lang,
            (list ?? []).map((n) => (typeof n === 'string' ? perturbText(n, k) : { ...n, name: perturbText(n.name, k) })),
          ]),
        ),
      }));
      copy.measures = (doc.measures ?? []).map((m) => ({ ...m, id: `${m.id}.x${k}`, when: { ...m.when, itemTags: [`synthetic-${k}`] } }));
      if (doc.terms) copy.terms = { ...doc.terms, military: mapKeywords(doc.terms.military, k), negations: mapKeywords(doc.terms.negations, k) };
      const out = join(dir, `copy-${String(k).padStart(2, '0')}`, relative(RULES, path));
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, YAML.stringify(copy, { lineWidth: 0 }));
      count(copy);
    }
  }
  return counts;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Times `dualscreen screen` on `file` with the bundled rules and with `factor`x rules (written to
 * `dir`), `repeat` alternating runs each, in the default mode (worker threads for large files) and
 * with `--workers 1`, and prints the medians and the growth. The target applies to the default mode.
 */
export function scaleRulesBench({ file, rows, dir, factor, repeat = 3, screenOnce, asOf = '2026-11-28' }) {
  const t0 = performance.now();
  const rulesDir = join(dir, `rules-x${factor}`);
  const counts = writeScaledRules(rulesDir, factor);
  const realCounts = writeScaledRules(join(dir, 'rules-x1'), 1);
  console.log(
    `wrote ${factor}x rules in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${counts.packs} packs, ${counts.items} items, ` +
      `${counts.hsCodes} HS codes, ${counts.keywords} keywords, ${counts.parties} parties (${counts.names} names), ${counts.measures} measures ` +
      `(bundled: ${realCounts.items} items, ${realCounts.hsCodes} HS codes, ${realCounts.keywords} keywords, ${realCounts.parties} parties)`,
  );
  const tiny = join(dir, 'one-row.csv');
  writeFileSync(tiny, `${readFileSync(file, 'utf8').split('\n').slice(0, 2).join('\n')}\n`);
  const args = (rulesPath, manifest, extra) => ['screen', manifest, '--rules', rulesPath, '--format', 'json', '--fail-on', 'none', '--as-of', asOf, ...extra];
  const rulesSets = [
    { label: '1x (bundled rules)', rules: join(dir, 'rules-x1') },
    { label: `${factor}x (synthetic copies)`, rules: rulesDir },
  ];
  // warm the rule-pack cache for both sets, and check that both load
  for (const s of rulesSets) {
    const warm = screenOnce('warm', args(s.rules, tiny, []));
    if (warm.code !== 0) throw new Error(`${s.label}: dualscreen exited ${warm.code}`);
  }
  // the startup run of the default mode starts the workers too (each compiles the rules), so that
  // fixed cost is not counted as screening
  const modes = [
    { name: 'default (worker threads for files over 8 MB)', extra: [], startupEnv: { DUALSCREEN_PARALLEL_MIN_BYTES: '1' } },
    { name: 'single thread (--workers 1)', extra: ['--workers', '1'], startupEnv: {} },
  ];
  const growth = (a, b) => ((b - a) / a) * 100;
  const signed = (x) => `${x >= 0 ? '+' : ''}${x.toFixed(1)}%`;
  const results = [];
  for (const mode of modes) {
    const sets = rulesSets.map((s) => ({ ...s, total: [], startup: [], rss: [] }));
    for (let i = 0; i < repeat; i++) {
      for (const s of sets) {
        const big = screenOnce(s.label, args(s.rules, file, mode.extra));
        const small = screenOnce(s.label, args(s.rules, tiny, mode.extra), mode.startupEnv);
        s.total.push(big.seconds);
        s.rss.push(big.maxRssMB);
        s.startup.push(small.seconds);
      }
    }
    console.log('');
    console.log(`${mode.name}: screening ${rows.toLocaleString('en')} rows, median of ${repeat} runs each (startup = the same command on a 1-row manifest, workers started)`);
    console.log('rules                        total s   startup s   screening s    rows/s   peak RSS');
    for (const s of sets) {
      s.t = median(s.total);
      s.st = median(s.startup);
      s.scr = Math.max(s.t - s.st, 1e-9);
      console.log(
        `${s.label.padEnd(26)} ${s.t.toFixed(2).padStart(9)} ${s.st.toFixed(2).padStart(11)} ${s.scr.toFixed(2).padStart(13)} ${Math.round(rows / s.scr).toLocaleString('en').padStart(9)} ${`${Math.round(median(s.rss))} MB`.padStart(10)}`,
      );
    }
    const [one, many] = sets;
    const r = { mode: mode.name, screeningGrowthPct: growth(one.scr, many.scr), totalGrowthPct: growth(one.t, many.t) };
    console.log(`growth with ${factor}x rules: screening ${signed(r.screeningGrowthPct)}, total ${signed(r.totalGrowthPct)} (startup ${one.st.toFixed(2)} s → ${many.st.toFixed(2)} s)`);
    results.push(r);
  }
  const met = results[0].screeningGrowthPct < 30;
  console.log('');
  console.log(`target (issue 4 part 5): screening time grows by less than 30% with ${factor}x rules (default mode): ${met ? 'met' : 'MISSED'} (${signed(results[0].screeningGrowthPct)})`);
  return { results, met };
}

// `node test/bench/scale-rules.js DIR N` writes the scaled rule set only (to inspect or validate it)
if (process.argv[1] && relative(process.argv[1], fileURLToPath(import.meta.url)) === '') {
  const [dir, n] = process.argv.slice(2);
  if (!dir) throw new Error('usage: node test/bench/scale-rules.js DIR [FACTOR]');
  console.log(writeScaledRules(dir, Number(n ?? 10)));
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'dualscreen.js'), 'rules', 'validate', dir], { encoding: 'utf8' });
  process.stdout.write(r.stdout + r.stderr);
}
