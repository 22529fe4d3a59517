/** Names that phrases introduce in free text (rules/reference/party-phrases.json). */
import { describe, expect, it } from 'vitest';
import { introducedNames } from '../../src/match/party-phrases.js';

const names = (text: string): string[] => introducedNames(text).map((n) => n.name);

describe('introducedNames', () => {
  it('reads the name after a role with a colon and after a phrase before a party', () => {
    expect(names('END USER: JASDF 2ND AIR DEPOT, GIFU AIR BASE')).toEqual(['JASDF 2ND AIR DEPOT, GIFU AIR BASE']);
    expect(names('For onward delivery to IHI Aerospace Co., Ltd., Tomioka Works')).toEqual(['IHI Aerospace Co., Ltd., Tomioka Works']);
    expect(names('Purchased on behalf of Japan Ministry of Defense, Ichigaya')).toEqual(['Japan Ministry of Defense, Ichigaya']);
    expect(names('最终用户为雷神导弹与防务公司')).toEqual(['雷神导弹与防务公司']);
    expect(names('最終需要者：NEC航空宇宙システム株式会社')).toEqual(['NEC航空宇宙システム株式会社']);
  });

  it('reads the last party of a chain written in one cell after "Final:" or 最終', () => {
    expect(names('Consignee: Sankyu Inc.; Final: Kawasaki Heavy Industries Aerospace Systems Company (Gifu Works)')).toEqual([
      'Sankyu Inc.',
      'Kawasaki Heavy Industries Aerospace Systems Company (Gifu Works)',
    ]);
    expect(names('受託：伊藤忠商事 ／ 最終：株式会社IHI原動機')).toEqual(['株式会社IHI原動機']);
    expect(names('Final inspection passed, final assembly')).toEqual([]);
  });

  it('reads a Chinese or Japanese role followed by a space alone, as remarks write it; a Latin one needs its colon', () => {
    expect(names('ガリウムヒ素ウェハー 4インチ 備考：納入先 航空自衛隊 入間基地')).toEqual(['航空自衛隊 入間基地']);
    // the delivery place of a Chinese contract and of an MOD order (round 182)
    expect(names('捷联惯性导航平台 管制编码7A103.a 交付地点: 日本陆上自卫队 朝霞驻屯地')).toEqual(['日本陆上自卫队 朝霞驻屯地']);
    expect(names('官需 ゲルマニウム インゴット 納地：海上自衛隊 呉造修補給所')).toEqual(['海上自衛隊 呉造修補給所']);
    expect(names('砷化镓晶圆 最终用户 日本防卫省')).toEqual(['日本防卫省']);
    expect(names('Laptop with end user licence agreement')).toEqual([]);
  });

  it('reads drop-ship, hand-over and mailing instructions as naming the recipient', () => {
    expect(names('Drop ship to Anduril Industries, Costa Mesa CA')).toEqual(['Anduril Industries, Costa Mesa CA']);
    expect(names('Hand over to Lockheed Martin Corporation at dock 4')).toEqual(['Lockheed Martin Corporation at dock 4']);
    expect(names('For the use of JGSDF Camp Asaka')).toEqual(['JGSDF Camp Asaka']);
    expect(names('For end use by Anduril Industries')).toEqual(['Anduril Industries']);
    expect(names('寄往通用动力陆地系统公司')).toEqual(['通用动力陆地系统公司']);
    expect(names('直送先：陸上自衛隊 朝霞駐屯地')).toEqual(['陸上自衛隊 朝霞駐屯地']);
  });

  it("reads a to-order bill's notify party, with or without a colon, and a project's owner", () => {
    expect(names('TO ORDER, notify Inter-Coastal Electronics')).toEqual(['Inter-Coastal Electronics']);
    expect(names('Notify: Anduril Industries')).toEqual(['Anduril Industries']);
    expect(names('Project owner: Lockheed Martin Corporation, Sunnyvale CA')).toEqual(['Lockheed Martin Corporation, Sunnyvale CA']);
    expect(names('项目业主：中山科学研究院')).toEqual(['中山科学研究院']);
    expect(names('Using activity: Naval Station Norfolk, VA')).toEqual(['Naval Station Norfolk, VA']);
    // a role word in a sentence, without its colon, introduces no one
    expect(names('Owner manual and project plan included')).toEqual([]);
  });

  it('reads the name before a Japanese postposition and on both sides of a care-of', () => {
    expect(names('海自呉地方総監部向け')).toEqual(['海自呉地方総監部']);
    expect(names('双日経由 防衛装備庁納入')).toEqual(['双日', '防衛装備庁']);
    expect(names('日本通運株式会社 横浜支店 気付 陸上自衛隊 関東補給処')).toEqual(['日本通運株式会社 横浜支店', '陸上自衛隊 関東補給処']);
    expect(names('Deliver c/o Anduril Industries, Costa Mesa CA')).toEqual(['Deliver', 'Anduril Industries, Costa Mesa CA']);
    expect(names('Nippon Express care of JGSDF Camp Asaka')).toEqual(['Nippon Express', 'JGSDF Camp Asaka']);
    // "the care of" is a noun of the sentence, not a care-of
    expect(names('Cosmetic and toilet preparations; n.e.c. in heading no. 3304, for the care of the skin')).toEqual([]);
  });

  it('splits clauses at Chinese commas and semicolons, and reads 供…使用', () => {
    expect(names('由日通代收，最终送达日本海上自卫队横须贺地方总监部')).toEqual(['由日通', '日本海上自卫队横须贺地方总监部']);
    expect(names('属于两用物项 1C117.d；最终用户为美国陆军')).toEqual(['美国陆军']);
    expect(names('由丸红代收，供日本海上自卫队大凑地方队使用')).toEqual(['由丸红', '日本海上自卫队大凑地方队']);
    expect(names('由安杜里尔公司使用')).toEqual(['安杜里尔公司']);
    expect(names('为美军嘉手纳基地第18联队采购')).toEqual(['美军嘉手纳基地第18联队']);
    expect(names('代雷神导弹与防务公司采购零件')).toEqual(['雷神导弹与防务公司']);
    expect(names('由于使用不当造成损坏')).toEqual([]);
  });

  it('reads nothing where no phrase names a role: packing notes, negations, a bare "for", 使用 alone', () => {
    for (const text of ['Packing: export cartons on ISPM-15 pallets', 'NOT FOR MILITARY USE', 'Spare parts for Boeing 737 aircraft', '本貨物は軍事用途には使用しません', '供应商：宁波嘉禾文具有限公司']) {
      expect(names(text), text).toEqual([]);
    }
  });

  it('needs a colon after a role word, and whole words for Latin phrases', () => {
    expect(names('Consignee copy of the invoice')).toEqual([]);
    expect(names('Consignee: Tanaka Seiki Co., Ltd.')).toEqual(['Tanaka Seiki Co., Ltd.']);
    expect(names('Sattn: 12 boxes')).toEqual([]);
  });
  it('reads the roles of military shipping labels, requisitions, contracts and delivery forms (round 19a)', () => {
    expect(names('MARK FOR: Naval Base Guam, US Navy, Bldg 3190')).toEqual(['Naval Base Guam, US Navy, Bldg 3190']);
    expect(names('Requisitioner: DLA Distribution Yokosuka')).toEqual(['DLA Distribution Yokosuka']);
    expect(names('Importer of record: Huntington Ingalls Industries, Inc.')).toEqual(['Huntington Ingalls Industries, Inc.']);
    expect(names('To be forwarded to Epirus, Inc., Torrance CA')).toEqual(['Epirus, Inc., Torrance CA']);
    expect(names('Goods destined for OMNIPOL a.s., Prague')).toEqual(['OMNIPOL a.s., Prague']);
    expect(names('实际用户：日本陆上自卫队朝霞驻屯地')).toEqual(['日本陆上自卫队朝霞驻屯地']);
    expect(names('收货单位为日本防卫大学校')).toEqual(['日本防卫大学校']);
    expect(names('需方：洛克希德·马丁公司')).toEqual(['洛克希德·马丁公司']);
    expect(names('ご使用先：海上自衛隊呉地方総監部')).toEqual(['海上自衛隊呉地方総監部']);
    expect(names('航空自衛隊入間基地行き')).toEqual(['航空自衛隊入間基地']);
    expect(names('受荷主：ジャパンマリンユナイテッド株式会社')).toEqual(['ジャパンマリンユナイテッド株式会社']);
  });

  it('reads nothing from words that name no recipient: a maker, a brand, a model, a shipper (round 19a)', () => {
    for (const text of ['Manufacturer: Mitsubishi Electric Lighting Corporation', 'Brand: Patriot', '生产厂家：三菱电机株式会社', '製造元：株式会社IHI', '型式：SDF-200', 'Previous owner: JGSDF surplus sale']) {
      expect(names(text), text).toEqual([]);
    }
  });
});

