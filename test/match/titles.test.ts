import { describe, expect, it } from 'vitest';
import { withoutTitles } from '../../src/match/titles.js';

describe('withoutTitles', () => {
  it('blanks the titles of works, brackets and all, keeping the length', () => {
    expect(withoutTitles('『自衛隊装備年鑑』 印刷用紙')).toBe(' '.repeat(9) + ' 印刷用紙');
    expect(withoutTitles('图书《日本自卫队》印刷用纸')).toBe('图书' + ' '.repeat(7) + '印刷用纸');
  });

  it('leaves quoted names (「」) and text without titles as they are', () => {
    expect(withoutTitles('「陸上自衛隊」向け')).toBe('「陸上自衛隊」向け');
    expect(withoutTitles('陸自演習用')).toBe('陸自演習用');
  });

  it('an unclosed bracket is no title', () => {
    expect(withoutTitles('『自衛隊 納入')).toBe('『自衛隊 納入');
  });
});
