import { describe, expect, it } from 'vitest';
import { PhraseSpans } from '../../src/engine/goods-scope.js';
import { namesPartOf } from '../../src/engine/parts.js';
import { foldText } from '../../src/match/fold.js';

const UAV_PARTS = ['battery', 'batteries', 'nozzle', 'nozzles', 'charger', 'spare parts', 'parts', '电池', '喷头', '配件', 'バッテリー', 'ノズル'];
const DREDGER_PARTS = ['spare parts', 'teeth', 'adapters', '备件', '斗齿', '齿座', '部品'];

/** Whether the keyword (its first occurrence) in the description only says what a part is for. */
function partOf(description: string, keyword: string, parts: readonly string[]): boolean {
  const text = foldText(description);
  const k = foldText(keyword);
  const at = text.indexOf(k);
  expect(at).not.toBe(-1);
  return namesPartOf(text, new PhraseSpans(text), parts.map(foldText), at, at + k.length);
}

describe('a keyword of whole equipment that only says what a part is for', () => {
  it('the part written after the keyword in the same phrase: the goods are the part', () => {
    expect(partOf('Spray drone smart battery 30,000 mAh 14S', 'spray drone', UAV_PARTS)).toBe(true);
    expect(partOf('植保无人机喷头 扇形 0.2mm', '植保无人机', UAV_PARTS)).toBe(true);
    expect(partOf('植保无人机 配件 机臂', '植保无人机', UAV_PARTS)).toBe(true);
    expect(partOf('散布ドローン用バッテリー 14S', '散布ドローン', UAV_PARTS)).toBe(true);
    expect(partOf('绞吸式挖泥船备件 绞刀头齿座及斗齿 一套', '绞吸式挖泥船', DREDGER_PARTS)).toBe(true);
    expect(partOf('Cutter suction dredger spare parts, one lot', 'cutter suction dredger', DREDGER_PARTS)).toBe(true);
  });

  it('the part written before the keyword, the keyword as its purpose', () => {
    expect(partOf('Battery for agricultural spray drone 14S', 'spray drone', UAV_PARTS)).toBe(true);
    expect(partOf('Teeth and adapters for cutter suction dredger', 'cutter suction dredger', DREDGER_PARTS)).toBe(true);
    expect(partOf('喷头 用于植保无人机', '植保无人机', UAV_PARTS)).toBe(true);
  });

  it('not where the part is listed with the goods, after a separator or a "with" word', () => {
    expect(partOf('Agricultural spray drone, 40 L tank, with 2 batteries and charger', 'spray drone', UAV_PARTS)).toBe(false);
    expect(partOf('Agricultural spray drone 40 L with 2 batteries', 'spray drone', UAV_PARTS)).toBe(false);
    expect(partOf('植保无人机 含电池2块', '植保无人机', UAV_PARTS)).toBe(false);
    expect(partOf('植保无人机（40L）、电池、充电器', '植保无人机', UAV_PARTS)).toBe(false);
    expect(partOf('散布ドローン 薬剤タンク40L バッテリー2本付', '散布ドローン', UAV_PARTS)).toBe(false);
  });

  it('not where the part noun heads a parameter of the whole item', () => {
    expect(partOf('植保无人机 电池容量30000mAh 药箱40L', '植保无人机', UAV_PARTS)).toBe(false);
    expect(partOf('spray drone battery capacity 30000 mAh, 40 L tank', 'spray drone', UAV_PARTS)).toBe(false);
  });

  it('not where the part stands far from the keyword or names something else', () => {
    expect(partOf('Cutter suction dredger CSD650, cutter power 1200 kW, spare parts included', 'cutter suction dredger', DREDGER_PARTS)).toBe(false);
    expect(partOf('Trailing suction hopper dredger 5000 m3 newbuild', 'trailing suction hopper dredger', DREDGER_PARTS)).toBe(false);
  });
});
