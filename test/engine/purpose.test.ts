import { describe, expect, it } from 'vitest';
import { standsAsPurpose, standsAsRecipient } from '../../src/engine/purpose.js';
import { foldText } from '../../src/match/fold.js';

/** Whether `phrase` (folded) stands as the goods' purpose in `description`. */
function asPurpose(description: string, phrase: string): boolean {
  const text = foldText(description);
  const folded = foldText(phrase);
  const at = text.indexOf(folded);
  expect(at).not.toBe(-1);
  return standsAsPurpose(text, at, at + folded.length);
}

describe('a phrase written as what the goods are for', () => {
  it('after "for", 用于 or 供, or before 用, 製造用 or 向け', () => {
    expect(asPurpose('Bacillus anthracis, live culture, for test kit production', 'test kit')).toBe(true);
    expect(asPurpose('Strain for use in ELISA kit manufacture', 'ELISA kit')).toBe(true);
    expect(asPurpose('炭疽芽孢杆菌 活菌株 用于试剂盒生产', '试剂盒')).toBe(true);
    expect(asPurpose('炭疽菌 生菌株 検査キット製造用', '検査キット')).toBe(true);
    expect(asPurpose('試薬 キット向け', 'キット')).toBe(true);
    expect(asPurpose('GaN epitaxial wafer 6 inch, for fast charger power devices', 'charger')).toBe(true);
    expect(asPurpose('氮化镓外延片 6英寸 用于快充充电器', '充电器')).toBe(true);
    // the phrase, a few more characters of the same word, then 用 or 向け; a broker's 用途：
    expect(asPurpose('高纯锗 5N 热像仪镜片用', '热像仪')).toBe(true);
    expect(asPurpose('镓 99.99% 体温计灌装用', '体温计')).toBe(true);
    expect(asPurpose('ビスマス 釉薬メーカー向け', '釉薬')).toBe(true);
    // the raw material of other goods
    expect(asPurpose('超高分子量聚乙烯纤维 40cN/dtex 风筝线原料', '风筝线')).toBe(true);
    expect(asPurpose('品名：高纯锗|用途：热像仪镜片', '热像仪')).toBe(true);
    // a grade named for a use
    expect(asPurpose('碳化钨粉末 饰品级 用于钨钢戒指坯料', '饰品')).toBe(true);
    expect(asPurpose('tungsten carbide powder, jewelry grade', 'jewelry')).toBe(true);
    // a list of uses after "for" or 用于
    expect(asPurpose('Tungsten carbide powder WC 99.9%, for end mills, saw blades and drill bits', 'drill bits')).toBe(true);
    expect(asPurpose('Tungsten carbide powder WC 99.9%, for end mills, saw blades and drill bits', 'saw blades')).toBe(true);
    expect(asPurpose('Gallium metal 6N for LED chips and GaN transistors', 'transistors')).toBe(true);
    expect(asPurpose('碳化钨粉 用于端铣刀、锯片和钻头', '钻头')).toBe(true);
  });

  it('not where it names the goods themselves', () => {
    expect(asPurpose('Bacillus anthracis real-time PCR detection kit, 48 tests', 'detection kit')).toBe(false);
    expect(asPurpose('炭疽芽孢杆菌核酸检测试剂盒', '检测试剂盒')).toBe(false);
    expect(asPurpose('检测试剂盒用于检测炭疽', '检测试剂盒')).toBe(false);
    expect(asPurpose('PCR kit forms part of the order', 'PCR kit')).toBe(false);
    expect(asPurpose('GaN charger 65W, for laptops', 'charger')).toBe(false);
    expect(asPurpose('砷化镓MMIC芯片5G基站用', 'MMIC')).toBe(false);
    expect(asPurpose('GaAs MMIC amplifier module', 'MMIC')).toBe(false);
    expect(asPurpose('试剂盒用途：检测', '试剂盒')).toBe(false);
    expect(asPurpose('ジルコニウム702　工業用　ハフニウム4.5%以下', 'ジルコニウム702')).toBe(false);
    expect(asPurpose('For research use only. Ebola virus PCR kit', 'PCR kit')).toBe(false);
    // four words after "for" with no list between them are no list of uses
    expect(asPurpose('Packaged for direct retail sale GaN transistors TO-247', 'transistors')).toBe(false);
    // after a comma alone the description goes on to say what the goods are
    expect(asPurpose('Price list: carbon prepreg for fishing rods, 3K twill, 200 gsm', 'twill')).toBe(false);
  });
});

describe('a name written as whom the goods are for', () => {
  const asRecipient = (description: string, name: string): boolean => {
    const at = description.indexOf(name);
    expect(at).not.toBe(-1);
    return standsAsRecipient(description, at);
  };

  it('after "for" (any case), 用于 or 供, or before 向け, 納入, 用 in its clause', () => {
    expect(asRecipient('Hex bolts M8, for JGSDF training', 'JGSDF')).toBe(true);
    expect(asRecipient('SPARE KIT FOR JMSDF DESTROYER', 'JMSDF')).toBe(true);
    expect(asRecipient('螺栓 M8 供日本海上自卫队', '日本海上自卫队')).toBe(true);
    expect(asRecipient('六角ボルト M8 陸上自衛隊向け', '陸上自衛隊')).toBe(true);
    expect(asRecipient('防衛省納入品 ケーブル', '防衛省')).toBe(true);
  });

  it('in brackets whose last word says what the goods are for', () => {
    expect(asRecipient('無人機用データリンク 見通し80km（水陸機動団 相浦駐屯地 試験用）', '水陸機動団')).toBe(true);
    expect(asRecipient('データリンク（試作 相浦駐屯地 評価用）', '相浦駐屯地')).toBe(true);
    expect(asRecipient('数据链（水陆机动团 测试用）', '水陆机动团')).toBe(true);
    // brackets that say something else, or a style or a child's size before the purpose
    expect(asRecipient('データリンク（水陸機動団 相浦駐屯地）試験用', '水陸機動団')).toBe(false);
    expect(asRecipient('Tシャツ（陸上自衛隊 迷彩 子供用）', '陸上自衛隊')).toBe(false);
    expect(asRecipient('プラモデル（海上自衛隊 護衛艦 模型用）', '海上自衛隊')).toBe(false);
  });

  it('not as a style, a shop or a name in another clause', () => {
    expect(asRecipient('自衛隊仕様 ブーツ', '自衛隊')).toBe(false);
    expect(asRecipient('自衛隊用品 ワッペン', '自衛隊')).toBe(false);
    expect(asRecipient('JGSDF replica patch', 'JGSDF')).toBe(false);
    expect(asRecipient('陸上自衛隊 迷彩柄, Tシャツ 子供用', '陸上自衛隊')).toBe(false);
  });
});
