import { describe, expect, it } from 'vitest';
import { foldText } from '../../src/match/fold.js';
import { TogetherKeywords } from '../../src/match/together.js';

describe('TogetherKeywords', () => {
  const index = new TogetherKeywords<string>();
  const groups = (...g: string[][]) => g.map((terms) => terms.map((t) => ({ folded: foldText(t), shown: t })));
  index.add(groups(['ADC', 'analog-to-digital converter', '模数转换器', 'A/Dコンバータ'], ['rad-hard', 'radiation hardened', '抗辐射', '耐放射線']), 'rad-hard ADC');
  index.add(groups(['turboexpander', '透平膨胀机'], ['hydrogen', 'H2', '氢气']), 'hydrogen turboexpander');
  index.add(groups(['hydrogen'], ['hydrogen peroxide']), 'overlapping');
  index.build();
  const found = (text: string) => index.search(foldText(text)).map((h) => [h.value, h.terms.join(' + ')]);

  it('names an item when a term of every group stands anywhere in the description, in any order (terms given in text order)', () => {
    expect(found('IC, ADC, 16-BIT, 1 US CONVERSION, INL 0.01% FS, RAD-HARD 100 KRAD, -55/+125 C')).toEqual([['rad-hard ADC', 'ADC + rad-hard']]);
    expect(found('模数转换器芯片|16位|转换时间1μs|抗辐射100krad|陶瓷密封')).toEqual([['rad-hard ADC', '模数转换器 + 抗辐射']]);
    expect(found('TURBOEXPANDER, H2 SERVICE, OUTLET 30 K')).toEqual([['hydrogen turboexpander', 'turboexpander + H2']]);
    expect(found('Radiation hardened 14-bit analog-to-digital converters')).toEqual([['rad-hard ADC', 'radiation hardened + analog-to-digital converter']]);
  });

  it('not when a group is missing, nor with one place standing for two groups', () => {
    expect(found('IC, ADC, 16-BIT, commercial grade')).toEqual([]);
    expect(found('TURBOEXPANDER, NITROGEN SERVICE')).toEqual([]);
    expect(found('hydrogen peroxide 35%')).toEqual([]);
    expect(found('hydrogen peroxide 35%, hydrogen cylinder')).toEqual([['overlapping', 'hydrogen peroxide + hydrogen']]);
  });

  it('Chinese and Japanese terms may share characters where neither holds the other (compounds run words together)', () => {
    const radar = new TogetherKeywords<string>();
    radar.add(groups(['SAR'], ['无人机', 'drone'], ['机载', 'airborne pod']), 'UAV SAR');
    radar.add(groups(['drone pod'], ['pod cover']), 'Latin overlap');
    radar.build();
    const hits = (text: string) => radar.search(foldText(text)).map((h) => [h.value, h.terms.join(' + ')]);
    expect(hits('无人机载SAR 吊舱')).toEqual([['UAV SAR', '无人机 + 机载 + SAR']]);
    // a shared Latin word is one place, not two
    expect(hits('drone airborne pod, SAR')).toEqual([['UAV SAR', 'drone + airborne pod + SAR']]);
    expect(hits('drone pod cover')).toEqual([]);
    expect(hits('drone pod, pod cover')).toEqual([['Latin overlap', 'drone pod + pod cover']]);
  });

  it('terms match as keywords do: on word boundaries, and those of several words also in another order', () => {
    expect(found('HADC module, rad-hardened')).toEqual([]);
    expect(found('CONVERTER, ANALOG-TO-DIGITAL, 16 BIT, RADIATION HARDENED')).toEqual([['rad-hard ADC', 'analog-to-digital converter + radiation hardened']]);
  });

  it('spans from the first term found to the end of the last', () => {
    const [hit] = index.search(foldText('ADC eval board; rad-hard'));
    expect([hit?.start, hit?.end]).toEqual([0, 24]);
  });

  it('a group may be a quantity stated at or past a threshold', () => {
    const drives = new TogetherKeywords<string>();
    drives.add([[{ folded: 'vfd', shown: 'VFD' }, { folded: foldText('变频器'), shown: '变频器' }], { quantity: 'Hz', atLeast: 600 }], '3A225');
    drives.add([[{ folded: 'camera', shown: 'camera' }], { quantity: 'fps', above: 225_000 }], '6A203.b.1');
    drives.build();
    const hits = (text: string) => drives.search(foldText(text)).map((h) => [h.value, h.terms.join(' + ')]);
    expect(hits('VFD, 7.5 kW, 0-1000 Hz')).toEqual([['3A225', 'VFD + 1000 Hz']]);
    expect(hits('变频器 0-1500Hz')).toEqual([['3A225', '变频器 + 1500 Hz']]);
    expect(hits('VFD, 7.5 kW, 0-599 Hz')).toEqual([]);
    expect(hits('Inverter test set, 1000 Hz')).toEqual([]);
    expect(hits('high-speed camera 225,000 fps')).toEqual([]);
    expect(hits('high-speed camera 225,001 fps')).toEqual([['6A203.b.1', 'camera + 225001 fps']]);
  });
});
