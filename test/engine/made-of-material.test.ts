/**
 * A material's name beside goods that the declared HS code puts among finished articles (chapters 84 to 97) says what
 * the goods are made of: a carbon-fibre prism pole under 901590 is no carbon fibre of 1C210. The keyword alone, a
 * purpose, a related code or a party or military user on the row keeps the review.
 */
import { describe, expect, it } from 'vitest';
import { screenRow } from './screen-row.js';

const screened = (description: string, hs: string, more: Record<string, string> = {}) =>
  screenRow({ description, hs_code: hs, destination_country: 'DE', consignee: 'Vermessungstechnik Nord GmbH', ...more });

describe('a material named as what finished articles are made of', () => {
  it('is a note, not a review, beside goods of chapters 84 to 97', () => {
    const r = screened('Prism pole 2.5 m, carbon fibre, with circular bubble', '901590');
    expect(r.verdict).toBe('clear');
    expect(r.notes.join(' ')).toMatch(/HS 901590 puts among finished articles.*Carbon fibrous.*only as what they are made of: not counted/);
    expect(screened('Carbon fiber telescopic pole 5 m', '901590').verdict).toBe('clear');
  });

  it('stays a review where the description names no goods beside it, only a purpose, or the code is a material one', () => {
    expect(screened('Carbon fibre T800 12K', '901590').verdict).toBe('review');
    expect(screened('Carbon fibre T800 12K, for aircraft parts', '880730').verdict).toBe('review');
    expect(screened('Carbon fibre T800 12K tow, spool', '681510').verdict).toBe('review');
    // aircraft, spacecraft and UAV parts: the article may itself be listed where its words did not name it
    expect(screened('Rocket motor case, carbon fibre composite, filament wound', '880730').verdict).toBe('review');
  });

  it('stays a review for a Japanese military user', () => {
    expect(screened('Prism pole 2.5 m, carbon fibre, with circular bubble', '901590', { destination_country: 'JP', end_user: '防衛装備庁' }).verdict).not.toBe('clear');
  });
});
