// `npm run regional`: regenerates rules/reference/regional-phrases.json from the installed opencc-js's Taiwan and Hong
// Kong phrase tables, the supplement below and the Chinese and Japanese names of the party packs.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import HKPhrases from 'opencc-js/dict/HKPhrases';
import TWPhrases from 'opencc-js/dict/TWPhrases';
import YAML from 'yaml';
import { foldNameCharacters } from '../../dist/match/party-names.js';
import { REFERENCE_DIR } from '../../dist/match/reference.js';
import { REGIONAL_PHRASES_FILE, regionalPhrasePairs } from '../../dist/match/regional-phrases.js';

const CGROUP_AERO =
  'zh.wikipedia Module:CGroup/Aero (CC BY-SA 4.0), as extracted in Gowee/zhconv-rs data-extractor/cgroups/Aero.json';
/** Pairs OpenCC does not hold, each from a public source; a pair counts only where a listed name holds its mainland word. */
export const SUPPLEMENT = [
  { regional: '飛彈', mainland: '导弹', source: `${CGROUP_AERO}: Missile, zh-cn 导弹, zh-tw 飛彈, zh-hk 導彈` },
  { regional: '航太', mainland: '航天', source: `${CGROUP_AERO}: Aero (宇航), zh-cn 航天, zh-tw 航太, zh-hk 航天` },
  { regional: '宇航', mainland: '航天', source: `${CGROUP_AERO}: Aero, the rule's original 宇航, zh-cn 航天` },
  { regional: '航空太空', mainland: '航空航天', source: `${CGROUP_AERO}: Aerospace, zh-cn 航空航天, zh-tw and zh-hk 航空太空` },
  {
    regional: '太空',
    mainland: '空间',
    source: `${CGROUP_AERO}: Space station 空间站/太空站, Space science 空间科学/太空科學, Space rendezvous 空间交会/太空會合, Space Launch System 空间发射系统/太空發射系統, ESA 欧洲空间局/歐洲太空總署`,
  },
  { regional: '引擎', mainland: '发动机', source: `${CGROUP_AERO}: Engine, zh-cn 发动机, zh-tw and zh-hk 引擎` },
  { regional: '噴射', mainland: '喷气', source: `${CGROUP_AERO}: jet, zh-cn 喷气, zh-tw and zh-hk 噴射 (jet engine 喷气发动机/噴射發動機)` },
  { regional: '營運', mainland: '运营', source: `${CGROUP_AERO}: operation, zh-cn 运营, zh-tw 營運` },
  {
    regional: '防衛',
    mainland: '防务',
    source: `${CGROUP_AERO}: Aerospace Defence Forces, zh-hant 航太防衛軍; Taiwanese company names: 雷神整合防衛系統公司 for Raytheon Integrated Defense Systems (AFP via Yahoo Taiwan, 2009-12-24, https://city.udn.com/59263/3053049)`,
  },
  {
    regional: '防禦',
    mainland: '防务',
    source:
      'Taiwanese company names: 拉斐爾先進防禦系統公司 for Rafael Advanced Defense Systems (Liberty Times, 2025-11-24, https://def.ltn.com.tw/article/breakingnews/5256252); no conversion table found',
  },
  {
    regional: '暨',
    mainland: '与',
    source:
      'zh.wikipedia Module:CGroup/Organization (CC BY-SA 4.0), as extracted in Gowee/zhconv-rs data-extractor/cgroups/Organization.json: NASA, zh-cn 美国国家航空航天局, zh-tw 美國國家航空暨太空總署 (暨, "and", joining two words of a Taiwanese name, where mainland names write 与 or 和); a conjunction only, so a name holding it elsewhere (暨南) folds alike on both sides',
  },
  {
    regional: '美商',
    mainland: '美国',
    source:
      'Taiwanese press writing a US company with 美商 ("US firm") before its name: 美商Kratos公司 (Liberty Times, 2026-03-06, https://def.ltn.com.tw/article/breakingnews/5361053), where mainland names write 美国 (美国通用原子航空系统公司, 美国波音防务、空间与安全集团, UEL 2024 Nos. 1 and 2); no conversion table found (round r35b)',
  },
  {
    regional: '重工业',
    mainland: '重工',
    source:
      'ja.wikipedia 三菱重工業 (infobox 略称: 三菱重工・三重・重工・MHI; "社名は一般的に「三菱重工」とも表記される"): 重工 is the short form of 重工業 (重工业) in the names of the heavy-industry companies, and MOFCOM prints the short form in its subsidiaries\' names (三菱重工航空发动机株式会社, 川崎重工航空宇宙系统公司, 2026 No. 11), where paperwork writes the long one (三菱重工业航空发动机); not a regional word, folded alike on both sides (round r152)',
  },
];

/** Regional words whose mainland word stands in a listed name only as part of a transliteration. */
export const EXCLUDED = [
  { regional: '位元', reason: 'bit: 比特 stands in 埃比特 (Elbit), a transliteration, not the word' },
  { regional: '全域性', reason: 'global: 全局 stands in 美国国家安全局 across two words (安全 + 局), not the word' },
];

/** The Chinese and Japanese names (a `name` with a Han character) of the party packs. */
export function listedNames(partiesDir = new URL('../../rules/parties/', import.meta.url)) {
  const names = new Set();
  const walk = (x, key) => {
    if (Array.isArray(x)) x.forEach((y) => walk(y, key));
    else if (x !== null && typeof x === 'object') for (const [k, v] of Object.entries(x)) walk(v, k);
    else if (key === 'name' && typeof x === 'string' && /\p{Script=Han}/u.test(x)) names.add(x);
  };
  for (const f of readdirSync(partiesDir).filter((f) => f.endsWith('.yaml')).sort()) walk(YAML.parse(readFileSync(new URL(f, partiesDir), 'utf8')));
  return [...names];
}

export function regionalTable() {
  const { version } = JSON.parse(readFileSync(new URL('../../node_modules/opencc-js/package.json', import.meta.url), 'utf8'));
  return {
    source: `opencc-js ${version} (OpenCC TWPhrases and HKPhrases, Apache-2.0; opencc-js MIT) and the supplement (each pair with its source): Taiwanese and Hong Kong words folded to the mainland word, kept only where a name of rules/parties/*.yaml holds the mainland word; both sides folded as names are (NFKC, lower case, character variants); written by npm run regional`,
    supplement: SUPPLEMENT,
    excluded: EXCLUDED,
    pairs: regionalPhrasePairs({ dictionaries: [TWPhrases, HKPhrases], supplement: SUPPLEMENT, excluded: EXCLUDED, listedNames: listedNames(), fold: foldNameCharacters }),
  };
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  const table = regionalTable();
  const file = new URL(REGIONAL_PHRASES_FILE, REFERENCE_DIR);
  writeFileSync(file, `${JSON.stringify(table, null, 2).replace(/\[\n\s+"([^"]*)",\n\s+"([^"]*)"\n\s+\]/g, '["$1", "$2"]')}\n`);
  console.log(`${table.pairs.length} pairs written to ${file.pathname}`);
}
