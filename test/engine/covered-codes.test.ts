/**
 * A declared HS code that only covers controlled reference codes (851762 over the 10-digit lines of encryption
 * equipment) says the goods may be one of those items. The description decides: goods it names as something else
 * are judged by their words, with the code as a note; a description that says nothing of the goods, is in the
 * tariff's own words or shares a word with the item keeps the review, and so does any party or military nexus.
 */
import { describe, expect, it } from 'vitest';
import { screenRow } from './screen-row.js';

const verdict = (description: string, hs: string, more: Record<string, string> = {}): string =>
  screenRow({ description, hs_code: hs, destination_country: 'DE', ...more }).verdict;

describe('an HS code that only covers controlled codes', () => {
  it('is a note beside goods the description names as something else', () => {
    const r = screenRow({ description: 'Stainless steel ball valve DN25, PN40', hs_code: '848180', destination_country: 'DE' });
    expect(r.verdict).toBe('clear');
    expect(r.notes.join(' ')).toMatch(/HS 848180 covers the reference codes of \d+ controlled items? .*the description says the goods are something else: not counted/);
    expect(verdict('Wi-Fi 6 router, dual band', '851762')).toBe('clear');
    expect(verdict('Garden irrigation pump 1 kW', '841370')).toBe('clear');
    // "titanium" is the tariff's word (8108 Titanium and articles thereof): it adds nothing to the code
    expect(verdict('Titanium camping pot 750 ml, with lid', '810890')).toBe('clear');
    // Japanese has no nomenclature text here: チタン is a word of the titanium items, so the review stays
    expect(verdict('チタン製 マグカップ 450ml', '810890')).toBe('review');
  });

  it("tells an entry detailed by an announcement item apart by that item's words (9A012.e by the UAV radio-link item)", () => {
    expect(verdict('LTE router, SIM free', '851762')).toBe('clear');
    expect(verdict('LTEルーター SIMフリー', '851762')).toBe('clear');
    expect(verdict('UAV data link, 80 km line of sight', '851762')).toBe('review');
    expect(verdict('无人机图传 50公里', '851762')).toBe('review');
  });

  it('stays a review where the description says nothing of the goods', () => {
    expect(verdict('', '851762')).toBe('review');
    expect(verdict('spare parts', '851762')).toBe('review');
    expect(verdict('其他 零部件', '848180')).toBe('review');
    expect(verdict('サンプル 部品', '848180')).toBe('review');
    expect(verdict('Unwrought metal', '810194')).toBe('review');
    // a line that points to another paper instead of naming its goods
    expect(verdict('Assorted parts, see packing list', '841410')).toBe('review');
    expect(verdict('详见装箱单', '841410')).toBe('review');
    expect(verdict('部品一式 別紙明細参照', '848180')).toBe('review');
    expect(verdict('付属品一式', '901420')).toBe('review');
    expect(verdict('Rotary vane vacuum pump, see packing list', '841410')).toBe('clear');
  });

  it('a code of an entry whose text is lost counts only where declared (hsReach: declared), not under its heading', () => {
    expect(verdict('X-ray apparatus for other than medical, surgical, dental or veterinary uses', '902219')).toBe('clear');
    expect(verdict('Eddy current tube tester, 4 channels', '9030899010')).toBe('review');
  });

  it("stays a review where the description is in the tariff's own words", () => {
    expect(verdict('Taps, cocks, valves and similar appliances', '848180')).toBe('review');
    expect(verdict('Explosives, prepared; other than propellent powders', '360200')).toBe('review');
    expect(verdict('Rare earth oxide', '284690')).toBe('review');
  });

  it('stays a review where the description adds a word of the item beyond the tariff text', () => {
    expect(verdict('Mass spectrometer, on-line sampling, electron bombardment ion source, nickel', '902781')).toBe('review');
    expect(verdict('Mandrel for flow forming machine', '846694')).toBe('review');
    expect(verdict('Magnetic drive pump, 30 W', '841370')).toBe('review');
    // one pair of kanji in common (雷达, 压力) is in too many goods' names to say which: two are needed
    expect(verdict('空调加氟压力表组 R410A 双表阀', '902620')).toBe('clear');
    expect(verdict('离心萃取器 氟塑料衬里 耐浓盐酸', '842119')).toBe('review');
  });

  it('stays a review on a row that names a military user or a listed party', () => {
    expect(screenRow({ description: 'Wi-Fi 6 router, dual band', hs_code: '851762', destination_country: 'JP', consignee: '陸上自衛隊 朝霞駐屯地' }).verdict).toBe('review');
    expect(screenRow({ description: 'Wi-Fi 6 router, dual band', hs_code: '851762', destination_country: 'US', consignee: 'Huntington Ingalls Industries' }).verdict).toBe('review');
  });

  it("screens a cell of several codes under the one nearest a controlled code, and says so", () => {
    const plain = screenRow({ description: '1X40HC STC 120 CTNS CITY BICYCLES, 80 CTNS BIKE LOCKS', hs_code: '871200 / 830120', destination_country: 'DE' });
    expect(plain.verdict).toBe('clear');
    expect(plain.notes.join(' ')).toMatch(/lists 2 codes: screened under 871200, the first/);
    const gallium = screenRow({ description: 'LCL STC 40 CTNS LED LAMPS, 10 CTNS GALLIUM METAL INGOTS 4N', hs_code: '853950 / 8112929010', destination_country: 'DE' });
    expect(gallium.verdict).toBe('license');
    expect(gallium.findings.map((f) => f.ruleId)).toContain('cn.dual-use.3C001.a');
  });

  it('is a note for a watch-list party, whose listing asks a licence for dual-use items only', () => {
    const cases = { description: 'PP storage case with label, 20 L', hs_code: '392690', destination_country: 'JP' };
    expect(screenRow({ ...cases, consignee: '日油株式会社' }).verdict).toBe('clear');
    expect(screenRow({ ...cases, consignee: '株式会社IHIエアロスペース' }).verdict).toBe('review');
  });

  it('treats an 8-digit tariff line of the October 2025 announcements as strictly as a reference code', () => {
    const paste = screenRow({ description: 'Gallium-based liquid metal thermal paste, 1 g syringe, CPU', hs_code: '3824999999', destination_country: 'DE' });
    expect(paste.verdict).toBe('clear');
    expect(paste.notes.join(' ')).toMatch(/HS 3824999999 is under a tariff line the announcements print as the reference code of .*Rare-earth extractants.*the description says the goods are something else: not counted/);
    expect(screenRow({ description: 'Gallium-based liquid metal thermal paste, 1 g syringe, CPU', hs_code: '3824999999', destination_country: 'JP', consignee: '防衛装備庁' }).verdict).not.toBe('clear');
    // the item named, one goods word of the nomenclature ("ingot"), a word of the item ("battery" beside the cell line): the line counts
    expect(verdict('P507 extractant, 200 L drum', '3824999999')).toBe('license');
    expect(verdict('metal ingot', '2805301990')).toBe('review');
    expect(verdict('Industrial drone spare battery 6S 22000 mAh', '8507600000')).toBe('review');
  });

  it('a 10-digit reference code is not touched: it names the item', () => {
    expect(verdict('Wi-Fi 6 router, dual band', '8517629910')).not.toBe('clear');
  });
});
