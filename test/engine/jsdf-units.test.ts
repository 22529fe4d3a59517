/** Japanese military users named by a unit, camp, base or school without the service, and their civil neighbours (round r18f). */
import { describe, expect, it } from 'vitest';
import { screenRow } from './screen-row.js';

const paper = { description: 'コピー用紙 A4 500枚×5冊', hs_code: '4802560000', destination_country: 'JP' };
const bismuth = { description: 'ビスマス地金 99.99%', hs_code: '8106101091', destination_country: 'JP' };

describe('an SDF unit, school, depot, base or ship kind without the service written out', () => {
  it('is a military user: an identified item is prohibited, ordinary goods go to review', () => {
    for (const consignee of ['第1空挺団', '東部方面総監部 会計課', '岐阜基地 飛行開発実験団', '第2補給処 (各務原市)', 'Narashino Chutonchi, Funabashi']) {
      expect(screenRow({ ...bismuth, consignee }).verdict, consignee).toBe('prohibited');
    }
    for (const consignee of ['第1術科学校 (広島県江田島市)', '潜水艦たいげい', '百里基地', '入间基地', 'Camp Asaka, Nerima-ku, Tokyo', 'Escort Flotilla 1 HQ, Yokosuka']) {
      expect(screenRow({ ...paper, consignee }).verdict, consignee).toBe('review');
    }
  });

  it('an end use that names a camp says where the goods go', () => {
    expect(screenRow({ ...paper, consignee: '株式会社房総商事', end_use: '習志野駐屯地 納入' }).verdict).toBe('review');
  });
});

describe('civil neighbours that share the words', () => {
  it('a town is not a base, nor a team of doctors a division', () => {
    for (const consignee of ['入間茶業株式会社 (埼玉県入間市)', '特定非営利活動法人国境なき医師団日本', '地域航空団体連絡協議会', '練習船海王丸']) {
      expect(screenRow({ ...paper, consignee }).verdict, consignee).toBe('clear');
    }
  });

  it("a Coast Guard air station or a fire corps' 方面隊 is a civil body's unit; the same word in an SDF name still counts", () => {
    expect(screenRow({ ...paper, consignee: '海上保安庁 第三管区海上保安本部 羽田航空基地' }).verdict).toBe('clear');
    expect(screenRow({ ...bismuth, consignee: '海上保安庁 羽田航空基地' }).verdict).toBe('license');
    expect(screenRow({ ...paper, consignee: '浜松市消防団 中部方面隊' }).verdict).toBe('clear');
    expect(screenRow({ ...paper, consignee: '海上自衛隊 那覇航空基地' }).verdict).toBe('review');
  });

  it('a name inside the title of a book is the book, not the recipient; a quoted name still counts', () => {
    expect(screenRow({ ...paper, consignee: '株式会社朝雲新聞社', end_use: '『自衛隊装備年鑑』 印刷用紙' }).verdict).toBe('clear');
    expect(screenRow({ ...paper, consignee: '东京樱花书店株式会社', end_use: '图书《日本自卫队》印刷用纸' }).verdict).toBe('clear');
    expect(screenRow({ ...paper, consignee: '株式会社東洋通商', end_use: '「陸上自衛隊」向け 納入' }).verdict).toBe('review');
  });
});

describe('日本 written before a Japanese body, as Chinese text writes it', () => {
  it('is read without it for a Japanese party: an SDF abbreviation leading its unit, a listed company', () => {
    expect(screenRow({ ...bismuth, consignee: '日本海自' }).verdict).toBe('prohibited');
    expect(screenRow({ ...paper, consignee: '日本陆自第1空降团' }).verdict).toBe('review');
    expect(screenRow({ ...paper, consignee: '日本IHI原动机株式会社' }).findings.map((f) => f.ruleId)).toContain('cn.measure.control-list.unidentified');
  });

  it("but not for a foreign party: after 日本 it is the listed company's unlisted Japanese subsidiary, a possible match", () => {
    for (const consignee of ['日本洛克希德马丁公司', '日本ロッキードマーティン株式会社']) {
      expect(screenRow({ ...bismuth, consignee }).verdict, consignee).not.toBe('prohibited');
    }
  });
});
