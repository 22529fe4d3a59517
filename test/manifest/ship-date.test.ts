import { describe, expect, it } from 'vitest';
import { readShipDate } from '../../src/manifest/ship-date.js';

const days = (cell: string): string[] | undefined => readShipDate(cell)?.days;

describe('readShipDate', () => {
  it('reads the dates ERPs, customs systems and people write, in Latin, Chinese, Japanese and Korean forms', () => {
    for (const cell of [
      '2026-11-20',
      '2026-11-20T08:30:00+09:00',
      '2026-11-19T23:30:00-05:00',
      '2026-11-19T16:00:00Z',
      '2026-11-20 14:05',
      '2026/11/20',
      '2026.11.20',
      '2026/11/20 0:00:00',
      '2026年11月20日',
      '２０２６年１１月２０日',
      '2026년 11월 20일',
      '2026. 11. 20.',
      '20261120',
      '令和8年11月20日',
      'R8.11.20',
      'R08/11/20',
      '20.11.2026',
      '20/11/2026',
      '11/20/2026',
      'Nov 20, 2026',
      'November 20th, 2026',
      '20 Nov 2026',
      '20-Nov-2026',
      '20. Nov. 2026',
      '46346',
    ]) {
      expect(days(cell), cell).toEqual(['2026-11-20']);
    }
    expect(days('2026-11-20T07:59:00+08:00')).toEqual(['2026-11-20']);
    expect(days('2026-11-20T23:30:00+09:00')).toEqual(['2026-11-20']);
    expect(days('2026-11-20T23:30:00')).toEqual(['2026-11-20']);
    expect(days('平成31年4月30日')).toEqual(['2019-04-30']);
    expect(days('令和元年5月1日')).toEqual(['2019-05-01']);
    expect(days('3. März 2026')).toEqual(['2026-03-03']);
    expect(days('20. Dez. 2026')).toEqual(['2026-12-20']);
  });

  it('keeps both readings where day and month could be either way round, except after dots (day first)', () => {
    expect(days('03/04/2026')).toEqual(['2026-04-03', '2026-03-04']);
    expect(days('04-04-2026')).toEqual(['2026-04-04']);
    expect(days('03.04.2026')).toEqual(['2026-04-03']);
  });

  it('reads no date from words, impossible days, other numbers and years out of range; an empty cell has none', () => {
    for (const cell of ['TBA', 'ASAP', 'week 47', '2026-02-30', '31/02/2026', '13.13.2026', '12345', '1999-12-31', 'PO 20261120A']) {
      expect(readShipDate(cell), cell).toEqual({ written: cell, days: [] });
    }
    expect(readShipDate('')).toBeUndefined();
    expect(readShipDate('  ')).toBeUndefined();
    expect(readShipDate(undefined)).toBeUndefined();
  });
});
