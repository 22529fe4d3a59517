/** Listed parties as Korean paperwork writes them, from the Korean press's forms (round 184), screened with the shipped packs. */
import { describe, expect, it } from 'vitest';
import { screenRow } from './screen-row.js';

const tellurium = { description: 'Tellurium ingot 5N', hs_code: '2804500001' };
const tumblers = { description: 'Stainless vacuum tumbler 500 ml', hs_code: '961700' };

describe('listed parties in Hangul', () => {
  it('a UEL company written as the Korean press writes it is banned whatever the goods, spaced or not, with a site after it', () => {
    for (const consignee of ['오셔니어링인터내셔널', '오셔니어링 인터내셔널', '오셔니어링인터내셔널 휴스턴 본사', '사로닉테크놀러지 본사']) {
      const r = screenRow({ ...tumblers, destination_country: 'US', consignee });
      expect(r.verdict, consignee).toBe('prohibited');
      expect(r.findings[0]!.ruleId).toBe('cn.measure.unreliable-entity.trade-ban');
    }
  });

  it('a control-list entity in Korean takes the ban on identified items, and review on ordinary goods', () => {
    expect(screenRow({ ...tellurium, destination_country: 'JP', end_user: '미쓰비시중공업 항공엔진 주식회사 고마키 수령' }).verdict).toBe('prohibited');
    expect(screenRow({ ...tellurium, destination_country: 'US', consignee: '헌팅턴잉걸스인더스트리즈 뉴포트뉴스 조선소' }).verdict).toBe('prohibited');
    expect(screenRow({ ...tumblers, destination_country: 'US', consignee: '헌팅턴인걸스' }).verdict).toBe('review');
  });

  it('Korean words that hold a listed name in a longer word of another body are not it', () => {
    // an association of civil self-defence, and an air-compressor dealer (에어콤 is not a key: it begins 에어콤프레서)
    expect(screenRow({ ...tellurium, destination_country: 'KR', consignee: '민간자위대 협회' }).verdict).toBe('license');
    expect(screenRow({ ...tellurium, destination_country: 'KR', consignee: '에어콤프레서 상사' }).verdict).toBe('license');
  });
});
