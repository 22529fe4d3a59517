import { describe, expect, it } from 'vitest';
import { foldText } from '../../src/match/fold.js';
import { statedQuantities, statesOnlyWithin } from '../../src/match/quantities.js';

const stated = (text: string) => statedQuantities(foldText(text)).map((q) => [q.unit, q.value]);

describe('statedQuantities', () => {
  it('reads a number right before its unit, in the unit the thresholds use', () => {
    expect(stated('Li-ion cell 21700, 320 Wh/kg, 5000mAh')).toEqual([['Wh/kg', 320]]);
    expect(stated('High-speed camera, 1,000,000 fps')).toEqual([['fps', 1_000_000]]);
    expect(stated('camera 10 kfps')).toEqual([['fps', 10_000]]);
    expect(stated('Inverter, output 2kHz')).toEqual([['Hz', 2000]]);
    expect(stated('HV power supply 30 kV 1.5 A')).toEqual([['V', 30_000], ['A', 1.5]]);
    expect(stated('Turbomolecular pump 20,000 L/s')).toEqual([['m3/s', 20]]);
    expect(stated('Pump 54000 m³/h')).toEqual([['m3/s', 15]]);
  });

  it('of a range the upper end; Chinese frames per second with the number between its words', () => {
    expect(stated('变频器 0-1500Hz 三相')).toEqual([['Hz', 1500]]);
    expect(stated('高速摄像机 每秒250000帧')).toEqual([['fps', 250_000]]);
  });

  it('numbers written in ten-thousands (万, 萬, 亿, 億)', () => {
    expect(stated('高速摄像机 每秒100万帧')).toEqual([['fps', 1_000_000]]);
    expect(stated('ハイスピードカメラ 最大100万コマ/秒')).toEqual([['fps', 1_000_000]]);
    expect(stated('高速攝影機 每秒25萬幀')).toEqual([['fps', 250_000]]);
    expect(stated('涡轮分子泵 5.4万m3/h')).toEqual([['m3/s', 15]]);
  });

  it('not a unit inside a longer one, nor a number without its unit', () => {
    expect(stated('12V 100Ah battery')).toEqual([['V', 12]]);
    expect(stated('5000 mAh power bank, USB-C')).toEqual([]);
    expect(stated('Model 1000, 600 series')).toEqual([]);
    expect(stated('Triggered spark gap GP3A, per 3A228.b, type K5V')).toEqual([]);
    expect(stated('直流电源 DC300V 600A, AC220V')).toEqual([['V', 300], ['A', 600], ['V', 220]]);
  });

  it('activity, power and volume, the units of the entries that exclude goods below a threshold', () => {
    expect(stated('除電ブラシ（ポロニウム２１０線源内蔵）　放射能１８．５ＭＢｑ')).toEqual([['Bq', 18_500_000]]);
    expect(stated('Am-Be neutron source 5 Ci, sealed')).toEqual([['Bq', 1.85e11]]);
    expect(stated('Inverter 7.5 kW, fermenter 30L, vials 1.5ML, 发酵罐 500升')).toEqual([['W', 7500], ['L', 30], ['L', 0.0015], ['L', 500]]);
  });

  it('forces and volumes, for shakers, crucibles and chambers; no lengths', () => {
    expect(stated('振動試験機　加振力１０ｋＮ, shaker 200 N')).toEqual([['N', 10_000], ['N', 200]]);
    expect(stated('Crucible 500 cm³, bore 20 mm')).toEqual([['L', 0.5]]);
    expect(stated('Exposure chamber 2 m³, 1.5立方米, fan 20 m3/h')).toEqual([['L', 2000], ['L', 1500], ['m3/s', 20 / 3600]]);
  });

  it('not the unit of a ratio: a concentration is no activity, volts per division no voltage', () => {
    expect(stated('Po-210 solution 1 GBq/g')).toEqual([]);
    expect(stated('oscilloscope probe 5 V/div')).toEqual([]);
    expect(stated('DC PSU 120V/600A')).toEqual([['V', 120], ['A', 600]]);
    expect(stated('LAB GLASS REACTOR,5L,JACKETED')).toEqual([['L', 5]]);
    expect(stated('PUMP 1,500 L/S')).toEqual([['m3/s', 1.5]]);
    // a comma between digits that is no thousands separator: two values, the second with its unit
    expect(stated('TURBOMOLECULAR PUMP DN400,20000 L/S')).toEqual([['m3/s', 20]]);
  });
});

describe('statesOnlyWithin', () => {
  const bound = { quantity: 'V', below: 20_000 } as const;
  const of = (text: string) => statedQuantities(foldText(text));

  it('every value the description states of the parameter lies below the threshold', () => {
    expect(statesOnlyWithin(of('Bench DC power supply 30 V 5 A'), bound)).toBe(true);
    expect(statesOnlyWithin(of('HV module 7 kV, input 12 V'), bound)).toBe(true);
  });

  it('says nothing where one value is past it, at it, or the parameter is not stated', () => {
    expect(statesOnlyWithin(of('HV supply, input 220 V, output 30 kV'), bound)).toBe(false);
    expect(statesOnlyWithin(of('HV supply 20 kV'), bound)).toBe(false);
    expect(statesOnlyWithin(of('HV supply, 8 h stability 0.01%'), bound)).toBe(false);
    expect(statesOnlyWithin(of('HV supply 1.5 A'), bound)).toBe(false);
  });

  it('a value on the supply side is not the rating: a supply whose output is not stated says nothing', () => {
    expect(statesOnlyWithin(of('HV power supply, input 220 V'), bound)).toBe(false);
    expect(statesOnlyWithin(of('高压电源 输入AC220V'), bound)).toBe(false);
    expect(statesOnlyWithin(of('高電圧電源 入力 100V'), bound)).toBe(false);
    expect(statesOnlyWithin(of('HV power supply AC220V in, 5 kV out'), bound)).toBe(true);
  });

  it('at most a threshold includes it', () => {
    expect(statesOnlyWithin(of('capacitor 750 V'), { quantity: 'V', atMost: 750 })).toBe(true);
    expect(statesOnlyWithin(of('capacitor 751 V'), { quantity: 'V', atMost: 750 })).toBe(false);
  });
});
