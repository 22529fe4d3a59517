/**
 * Writes a realistic manifest: real HS headings and descriptions, mixed English, Chinese and
 * Japanese parties and destinations, and about 3% dual-use rows (rare earths, tungsten, gallium,
 * listed parties, military end uses). Deterministic for a given seed.
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const HS_FILE = fileURLToPath(new URL('../../rules/reference/hs/harmonized-system.csv', import.meta.url));

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function headings() {
  const lines = readFileSync(HS_FILE, 'utf8').split('\n').slice(1);
  const out = [];
  for (const line of lines) {
    const m = /^[^,]*,(\d{6}),("(?:[^"]|"")*"|[^,]*),/.exec(line);
    if (m) out.push({ hs6: m[1], description: m[2].replace(/^"|"$/g, '').replace(/""/g, '"') });
  }
  return out;
}

const DUAL_USE = [
  ['Dysprosium metal 99.5%', '2805301200', ''],
  ['Samarium oxide Sm2O3 99.9%', '2846901940', '1C902.b'],
  ['Terbium metal ingot', '2805301300', ''],
  ['Ammonium paratungstate (APT)', '2841801000', '1C117.d'],
  ['Gallium nitride wafers', '2850001901', ''],
  ['Germanium dioxide 99.999%', '2825600002', ''],
  ['酸化サマリウム', '2846901940', ''],
  ['氧化镝', '', '1C905.b'],
  ['Antimony trioxide 99.99%', '2825800010', ''],
  ['Tellurium metal 5N', '2804500001', '6C002.a'],
];
const PARTIES = [
  ['Tokyo Optics K.K.', 'JP'], ['東京光学株式会社', 'JP'], ['Osaka Trading Co., Ltd.', 'JP'], ['Muster Handels GmbH', 'DE'],
  ['Acme Industrial Inc.', 'US'], ['Lion Components Pte Ltd', 'SG'], ['Hanbit Materials Co., Ltd.', 'KR'], ['上海贸易有限公司', 'CN'],
  ['Nagoya Seiki Co., Ltd.', 'JP'], ['Saigon Parts JSC', 'VN'], ['TDK Corporation', 'JP'], ['IHI Aerospace Co., Ltd.', 'JP'],
  ['Mitsubishi Heavy Industries, Ltd.', 'JP'], ['Bangkok Electric Co., Ltd.', 'TH'],
];
const END_USES = ['retail', 'consumer electronics', 'automotive parts', 'plant maintenance', 'research', '民用', '民生用', 'military radar', 'construction'];
const DESTINATIONS = { JP: ['Japan', 'JP', '日本'], DE: ['Germany'], US: ['United States', 'USA'], SG: ['Singapore'], KR: ['KR'], CN: ['中国'], VN: ['Vietnam'], TH: ['Thailand'] };

const csvField = (v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export async function generateManifest(path, rows, seed = 42, dualUseShare = 0.03) {
  const random = rng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const hs = headings();
  const out = createWriteStream(path);
  const write = (s) => (out.write(s) ? Promise.resolve() : new Promise((r) => out.once('drain', r)));
  await write('Line ID,Description,HS Code,Export Control Code,Qty,Unit,Value,Currency,Country of Origin,Destination,Consignee,End User,End Use,PO Number\n');
  for (let i = 1; i <= rows; i++) {
    const [party, country] = pick(PARTIES);
    let description;
    let code;
    let control = '';
    if (random() < dualUseShare) {
      [description, code, control] = pick(DUAL_USE);
    } else {
      const h = pick(hs);
      description = h.description.slice(0, 90);
      code = `${h.hs6}${String(Math.floor(random() * 10000)).padStart(4, '0')}`;
    }
    const fields = [
      `L${String(i).padStart(7, '0')}`, description, code, control, String(1 + Math.floor(random() * 5000)), pick(['pcs', 'kg', 'set']),
      (random() * 100000).toFixed(2), 'USD', pick(['CN', 'CN', 'CN', 'China', '中国', 'VN']), pick(DESTINATIONS[country]), party, party,
      pick(END_USES), `PO-${Math.floor(random() * 1e6)}`,
    ];
    await write(`${fields.map(csvField).join(',')}\n`);
  }
  await new Promise((resolve, reject) => out.end((err) => (err ? reject(err) : resolve())));
}
