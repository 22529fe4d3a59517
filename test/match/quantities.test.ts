import { describe, expect, it } from 'vitest';
import { foldText } from '../../src/match/fold.js';
import { statedQuantities } from '../../src/match/quantities.js';

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
    expect(stated('5000 mAh power bank, 20 W')).toEqual([]);
    expect(stated('Model 1000, 600 series')).toEqual([]);
  });
});
