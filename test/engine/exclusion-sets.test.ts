/**
 * Phrase lists of patterns (`exclusionSets`, round r18a): a material's name standing as the dopant, coating, catalyst,
 * filler or reinforcement of other goods, or inside a compound's name, is not the material; the material written on its
 * own, or for such goods, still is.
 */
import { describe, expect, it } from 'vitest';
import { phrasesForKeywords } from '../../src/rules/phrase-sets.js';
import { screenRow } from './screen-row.js';

const screened = (description: string) => screenRow({ description, destination_country: 'DE' });
const ruleIds = (description: string): string[] => screened(description).findings.map((f) => f.ruleId);

describe('phrasesForKeywords', () => {
  it('writes each pattern once per keyword, and the other phrases as they are', () => {
    expect(phrasesForKeywords(['{}-doped', '掺{}', 'gallium-free'], ['gallium', '镓'])).toEqual([
      'gallium-doped',
      '镓-doped',
      '掺gallium',
      '掺镓',
      'gallium-free',
    ]);
    expect(phrasesForKeywords(['{}-doped'], [])).toEqual([]);
  });
});

describe('the material as part of other goods (material-in-other-goods)', () => {
  it('a dopant, a catalyst residue, a filler or a reinforcement in other goods is not the material', () => {
    expect(screened('UV固化灯管 掺镓 10kW 印刷机用 1.2米').verdict).toBe('clear');
    expect(screened('ガリウムドープ単結晶PERCモジュール 550W 両面発電').verdict).toBe('clear');
    expect(screened('PET resin, bottle grade, IV 0.80, antimony catalysed, 1,100 kg bag').verdict).toBe('clear');
    expect(screened('耐火シーリング材 膨張黒鉛配合 310mlカートリッジ 防火区画貫通部用').verdict).toBe('clear');
    expect(screened('碳纤维增强PA12线材 短切纤维20% 1.75mm 1kg/卷').verdict).toBe('clear');
    expect(screened('Etch chamber liner, anodised aluminium with plasma-sprayed Y2O3 coating, refurbished').verdict).toBe('clear');
  });

  it('the material itself, or written for such goods, stays in view', () => {
    expect(ruleIds('Gallium metal 99.9999%, 1 kg bottle, for doping')).toContain('cn.dual-use.3C001.a');
    expect(ruleIds('Expandable graphite 50 mesh, expansion 250 mL/g, for intumescent fire-stop sealant production')).toContain('cn.dual-use.1C108.c');
    expect(ruleIds('碳纤维丝束 24K 拉伸强度4900MPa 拉伸模量250GPa 预应力CFRP筋拉挤用')).toContain('cn.catalogue-2026.1C210.a.1');
    expect(ruleIds('酸化イットリウム 99.99% 溶射粉 チャンバー部品コーティング用 10kg')).toContain('cn.dual-use.1C908.b');
  });

  it('not for the rare earths whose entries name doped fibres and crystals', () => {
    expect(screened('Erbium-doped fibre (EDF), 10 m, for fibre amplifiers').verdict).toBe('review');
  });
});

describe("the element's name in a compound's name (element-in-compound-names)", () => {
  it('a salt or an organic compound that no announcement lists is not the metal', () => {
    expect(screened('Antimony glycolate catalyst (Sb 57%), for polyester polymerisation, 25 kg').verdict).toBe('clear');
    expect(screened('乙二醇锑 聚酯缩聚催化剂 25kg').verdict).toBe('clear');
    expect(screened('Gallium nitrate nonahydrate 99.9%, 100 g').verdict).toBe('clear');
  });

  it('the listed compounds keep their own items, and a halide stays in view as the metal', () => {
    expect(ruleIds('Germanium tetrachloride 6N, 20 kg cylinder, for optical fibre preform (MCVD)')).toContain('cn.dual-use.3C002.f');
    expect(screened('Germanium chloride 6N, for fibre preforms').verdict).toBe('review');
    expect(ruleIds('Antimony trisulfide Sb2S3 98% powder, 25 kg, for friction material')).toContain('cn.dual-use.3C003.a');
  });
});

describe('parameters stated as a named dimension or a capacitance (round r18a)', () => {
  it("a titanium alloy bar's diameter of 75 mm or less clears 1C202.b, one above it or a disc written φ98×14 does not", () => {
    expect(screened('TC4钛合金基台棒料 直径10mm 种植体基台切削用').verdict).toBe('clear');
    expect(screened('Ti-6Al-4V bar, dia 120 mm, AMS 4928').verdict).toBe('review');
    expect(screened('64チタン ディスク φ98.5×15mm インプラント上部構造用').verdict).toBe('review');
  });

  it("an isostatic press's chamber inside diameter of 152 mm or less clears 2B204.a", () => {
    expect(screened('实验型冷等静压机 缸体内径100mm 300MPa').verdict).toBe('clear');
    expect(ruleIds('热等静压机 最高压力196MPa 缸体内径400mm 1400℃')).toContain('cn.catalogue-2026.2B204.a');
  });

  it("a pulse capacitor's capacitance below both 3A201.a sets clears it; one of 0.5 µF may still be the second set", () => {
    expect(screened('Pulse discharge capacitor 50 kV 0.1 µF, low inductance').verdict).toBe('clear');
    expect(ruleIds('CAP PULSE DISCH 100KV 0.5UF LOW-L <40NH')).toContain('cn.catalogue-2026.3A201.a.2');
    expect(ruleIds('Energy discharge capacitor 20 kV, 2 uF (400 J), series inductance 30 nH, for pulsed-power lab')).toContain('cn.catalogue-2026.3A201.a.1');
  });
});
