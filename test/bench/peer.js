/**
 * Runs the pandas peer script (peer_pandas.py) on a manifest when Debian's python3 has pandas
 * (apt-get install python3-pandas); returns undefined, with the reason, when it cannot.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRulePacks } from '../../dist/rules/load.js';

const SCRIPT = fileURLToPath(new URL('./peer_pandas.py', import.meta.url));
const PYTHONS = ['/usr/bin/python3', 'python3'];

function pythonWithPandas() {
  return PYTHONS.find((py) => spawnSync(py, ['-c', 'import pandas'], { stdio: 'ignore' }).status === 0);
}

/**
 * The peer's inputs: every reference HS code of the bundled packs, and one short keyword list as a
 * consultant would write it (the material families and the rare-earth elements in three scripts),
 * not dualscreen's 700 keywords, which would make Python's regex, not pandas, the measure.
 */
const PEER_KEYWORDS = [
  'gallium', 'germanium', 'antimony', 'graphite', 'tungsten', 'tellurium', 'bismuth', 'molybdenum', 'indium',
  'samarium', 'gadolinium', 'terbium', 'dysprosium', 'lutetium', 'scandium', 'yttrium', 'diamond',
  '镓', '锗', '锑', '石墨', '钨', '碲', '铋', '钼', '铟', '钐', '钆', '铽', '镝', '镥', '钪', '钇',
  'ガリウム', 'ゲルマニウム', 'アンチモン', '黒鉛', 'タングステン', 'サマリウム', 'ジスプロシウム', 'テルビウム',
];

function exportRules(dir) {
  const hs = new Set();
  for (const { pack } of loadRulePacks()) {
    for (const item of pack.items) for (const h of item.hsCodes) hs.add(typeof h === 'string' ? h : h.value);
  }
  const keywords = PEER_KEYWORDS;
  const path = join(dir, 'peer-rules.json');
  writeFileSync(path, JSON.stringify({ hs: [...hs], keywords: [...keywords] }));
  return path;
}

export function runPandasPeer(manifest, dir) {
  const python = pythonWithPandas();
  if (!python) return { skipped: 'pandas is not installed for python3 (apt-get install python3-pandas)' };
  const started = performance.now();
  const r = spawnSync(python, [SCRIPT, manifest, exportRules(dir)], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) return { skipped: `the pandas script failed: ${r.stderr.trim().split('\n').at(-1)}` };
  const stats = JSON.parse(r.stdout.trim().split('\n').at(-1));
  return { ...stats, wallSeconds: (performance.now() - started) / 1000 };
}
