import { readFileSync, readdirSync } from 'node:fs';
import HKPhrases from 'opencc-js/dict/HKPhrases';
import TWPhrases from 'opencc-js/dict/TWPhrases';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { foldText } from '../../src/match/fold.js';
import { compareNames, foldName, foldNameCharacters, nameFeatures } from '../../src/match/party-names.js';
import { regionalPhrasePairs, type RegionalPhraseTable } from '../../src/match/regional-phrases.js';

const score = (document: string, listed: string): number => compareNames(nameFeatures(document), nameFeatures(listed), false).score;

describe('regional words of party names', () => {
  it('folds Taiwanese and Hong Kong renderings of listed names to the names MOFCOM publishes', () => {
    const pairs: [string, string][] = [
      ['雷神飛彈系統公司', '雷神导弹系统公司'],
      ['雷神導彈系統公司', '雷神导弹系统公司'],
      ['雷神飛彈與防衛公司', '雷神导弹与防务公司'],
      ['雷神飛彈與防禦公司', '雷神导弹与防务公司'],
      ['通用動力資訊科技公司', '通用动力信息技术公司'],
      ['波音防衛、太空與安全集團', '波音防务、空间与安全集团'],
      ['洛克希德·馬丁飛彈系統整合實驗室', '洛克希德·马丁导弹系统集成实验室'],
      ['環太平洋防衛公司', '环太平洋防务公司'],
      ['AEVEX航太公司', 'AEVEX航天公司'],
      ['聯合技術系統營運公司', '联合技术系统运营公司'],
      ['多莫戰術通訊公司', '多莫战术通信公司'],
      ['護盾人工智慧公司', '护盾人工智能公司'],
      ['三菱電機軟體株式會社', '三菱电机软件株式会社'],
      ['三菱電機防衛與太空技術株式會社', '三菱电机防卫与空间技术株式会社'],
      ['三菱重工航空引擎株式會社', '三菱重工航空发动机株式会社'],
      ['IHI噴射機服務株式會社', 'IHI喷气机服务株式会社'],
      ['IHI航太株式會社', 'IHI宇航株式会社'],
      ['日本電氣網路感測器株式會社', '日本电气网络传感器株式会社'],
      // 暨 is the Taiwanese "and" (round r15b)
      ['雷神飛彈暨防禦公司', '雷神导弹与防务公司'],
      ['洛克希德·馬丁飛彈暨火控公司', '洛克希德·马丁导弹与火控公司'],
    ];
    for (const [regional, mainland] of pairs) expect(foldName(regional), regional).toBe(foldName(mainland));
  });

  it('keeps Japanese names that share the words matching as before', () => {
    expect(foldName('防衛省')).toBe(foldName('防卫省'));
    expect(foldName('防衛装備庁')).toBe(foldName('防卫装备厅'));
    expect(score('富士通防衛與國家安全株式會社', '富士通防卫与国家安全株式会社')).toBe(1);
  });

  it('keeps neighbours that share a folded word apart', () => {
    expect(score('通用資訊科技股份有限公司', '通用动力信息技术公司')).toBeLessThan(0.8);
    expect(score('空間與安全設計有限公司', '波音防务、空间与安全集团')).toBeLessThan(0.8);
    expect(score('長榮航太科技股份有限公司', '经纬航太科技公司')).toBeLessThan(0.8);
    expect(score('台翔航太工業股份有限公司', '汉翔航空工业股份有限公司')).toBeLessThan(0.8);
    expect(score('盾安人工智慧股份有限公司', '护盾人工智能公司')).toBeLessThan(0.8);
    expect(score('雷神網路科技有限公司', '雷神导弹系统公司')).toBeLessThan(0.8);
    // 暨 folds to 与 on both sides: a Taiwanese agency with 暨 stays apart from listed names
    expect(score('美國國家航空暨太空總署', '波音防务、空间与安全集团')).toBeLessThan(0.8);
  });

  it('folds only the words the table holds, and only in names', () => {
    // 科技 is 技术 only inside 資訊科技: 顶峰科技 (Summit Technologies) is not 顶峰技术
    expect(foldName('顶峰科技公司')).not.toBe(foldName('顶峰技术公司'));
    expect(foldName('應用科技集團')).not.toBe(foldName('应用技术集团'));
    // 位元 (bit) is left out: 比特 stands in 埃比特 (Elbit) only as a transliteration
    expect(foldName('位元')).toBe(foldNameCharacters('位元'));
    // 全域性 (global) is left out: 全局 stands in 美国国家安全局 only across two words
    expect(foldName('全域性')).toBe(foldNameCharacters('全域性'));
    // descriptions keep their words
    expect(foldText('飛彈模型 軟體 資訊')).toBe(foldText('飛彈模型 軟體 資訊'));
    expect(foldText('飛彈')).not.toBe(foldText('导弹'));
  });

  it('the committed table is what the installed opencc-js, its supplement and the packs give (npm run regional)', () => {
    const table = JSON.parse(readFileSync(new URL('../../rules/reference/regional-phrases.json', import.meta.url), 'utf8')) as RegionalPhraseTable;
    const dir = new URL('../../rules/parties/', import.meta.url);
    const names = new Set<string>();
    const walk = (x: unknown, key?: string): void => {
      if (Array.isArray(x)) x.forEach((y) => walk(y, key));
      else if (x !== null && typeof x === 'object') for (const [k, v] of Object.entries(x)) walk(v, k);
      else if (key === 'name' && typeof x === 'string' && /\p{Script=Han}/u.test(x)) names.add(x);
    };
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) walk(YAML.parse(readFileSync(new URL(f, dir), 'utf8')));
    const derived = regionalPhrasePairs({
      dictionaries: [TWPhrases, HKPhrases],
      supplement: table.supplement,
      excluded: table.excluded,
      listedNames: [...names],
      fold: foldNameCharacters,
    });
    expect(table.pairs).toEqual(derived);
    expect(table.pairs.length).toBeLessThan(60);
  });
});
