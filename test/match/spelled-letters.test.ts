import { describe, expect, it } from 'vitest';
import { spelledLetters } from '../../src/match/spelled-letters.js';

describe('spelledLetters', () => {
  it('reads an acronym spelt out in katakana as its letters, a digit after a letter too', () => {
    expect(spelledLetters('ブイエスイー・コーポレーション')).toBe('VSE・コーポレーション');
    expect(spelledLetters('エルスリーハリス・テクノロジーズ社')).toBe('L3ハリス・テクノロジーズ社');
    expect(spelledLetters('エイチアイアイ')).toBe('HII');
    expect(spelledLetters('ダブリューエイチオー')).toBe('WHO');
  });

  it('leaves words that begin with one letter name or with a digit, and names without katakana', () => {
    expect(spelledLetters('アイテム株式会社')).toBeUndefined();
    expect(spelledLetters('ワンピース')).toBeUndefined();
    expect(spelledLetters('ケーズデンキ')).toBeUndefined();
    expect(spelledLetters('VSE Corporation')).toBeUndefined();
  });
});
