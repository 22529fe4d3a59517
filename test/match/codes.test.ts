import { describe, expect, it } from 'vitest';
import { controlCodesIn, parseControlCodes, parseHsCode } from '../../src/match/codes.js';
import { foldText } from '../../src/match/fold.js';

describe('control codes written in a description', () => {
  const codes = (text: string) => controlCodesIn(foldText(text));

  it('finds codes as paperwork quotes them, normalised', () => {
    expect(codes('Carbon fibre per 1C210.a, 12K')).toEqual(['1C210.a']);
    expect(codes('管制编码2B350.g.1 反应釜')).toEqual(['2B350.g.1']);
    expect(codes('Ｃｏｄｅ：１Ｃ９０２．ｂ／1c902.B')).toEqual(['1C902.b']);
    expect(codes('Sm2O3 (1C902.b), Dy2O3 (1C905.b).')).toEqual(['1C902.b', '1C905.b']);
  });

  it('not inside part numbers, nor after ECCN, whose numbers mean other goods', () => {
    expect(codes('CAP FILM 2A104J 100V')).toEqual([]);
    expect(codes('Bearing X3A0012')).toEqual([]);
    expect(codes('ECCN 3A001.a.1 FPGA')).toEqual([]);
    expect(codes('ECCN: 5A002, contains 1C902.b magnets')).toEqual(['1C902.b']);
    expect(codes('CNC turning centre; forwarder file ref EU DU 2B001.a')).toEqual([]);
    // quoted only to say the goods are not under it
    expect(codes('Variable frequency drive 7.5 kW, 0-400 Hz (3A225 not met)')).toEqual([]);
    expect(codes('GPU計算サーバ（APP 4.6 WT、4A003.a 非該当）')).toEqual([]);
    // China's own code under the same label
    expect(codes('Bismuth ingot, CN ECCN 6C001.a')).toEqual(['6C001.a']);
    expect(codes('HS 8541401000, 100 pcs')).toEqual([]);
  });
});

describe('a control-code column as paperwork fills it', () => {
  const cell = (text: string) => parseControlCodes(text);

  it('reads sub-items written without dots or after a hyphen, and a heading with a hyphen or space inside', () => {
    expect(cell('1C902a')).toMatchObject({ kind: 'valid', codes: ['1C902.a'] });
    expect(cell('1c902-a; 3c003-c')).toMatchObject({ kind: 'valid', codes: ['1C902.a', '3C003.c'] });
    expect(cell('1C905B')).toMatchObject({ kind: 'valid', codes: ['1C905.b'] });
    expect(cell('2B350f1')).toMatchObject({ kind: 'valid', codes: ['2B350.f.1'] });
    expect(cell('1C-907.a')).toMatchObject({ kind: 'valid', codes: ['1C907.a'] });
    expect(cell('1C 905.b / 3C001a')).toMatchObject({ kind: 'valid', codes: ['1C905.b', '3C001.a'] });
  });

  it('reads codes written among words, as a declaration\'s remark writes them', () => {
    expect(cell('两用物项 管制编码7A101')).toMatchObject({ kind: 'valid', codes: ['7A101'] });
    expect(cell('备注栏：属于两用物项，管制编码3A228')).toMatchObject({ kind: 'valid', codes: ['3A228'] });
    expect(cell('Control code: 1C117.d')).toMatchObject({ kind: 'valid', codes: ['1C117.d'] });
    expect(cell('CN ECCN 6C001.a')).toMatchObject({ kind: 'valid', codes: ['6C001.a'] });
    // not a code said to be no dual-use item, not one beside other digits
    expect(cell('不属于两用物项 1C117.d')).toMatchObject({ kind: 'invalid' });
    expect(cell('管制编码7A101 第2项')).toMatchObject({ kind: 'invalid' });
  });

  it("reads another country's classification as such, declaring none of China's codes", () => {
    for (const [written, scheme] of [
      ['ECCN 3A001.a.2.c', 'ECCN'],
      ['US ECCN 5A992.c', 'ECCN'],
      ['EU DU: n/a', 'EU DU'],
      ['EU Annex I 2B001.b', 'EU Annex I'],
      ['美方ECCN：4A003', 'ECCN'],
      ['10の項 非該当', '10の項'],
      ['該非判定：非該当', '該非'],
      ['비전략물자', '비전략물자'],
      ['3A001.a.2 (EAR)', 'EAR'],
      // a Japanese 該非判定 result, and a result labelled with another country
      ['該当 2項(要確認)', '該当'],
      ['Not listed (JP)', 'JP'],
    ]) {
      expect(cell(written!), written).toEqual({ kind: 'foreign', raw: written!.normalize('NFKC'), scheme });
    }
    // EAR99 alone says "not controlled", as N/A does, and so does German paperwork's lone N (AL: N)
    expect(cell('EAR99')).toEqual({ kind: 'none' });
    expect(cell('N')).toEqual({ kind: 'none' });
  });

  it('reads every cell of a column headed by another country\'s list as that list, unless the cell says China', () => {
    expect(parseControlCodes('3A001', 'ECCN')).toEqual({ kind: 'foreign', raw: '3A001', scheme: 'ECCN' });
    expect(parseControlCodes('3A001.a.7', 'Ausfuhrlistennummer')).toMatchObject({ kind: 'foreign', scheme: 'Ausfuhrlistennummer' });
    expect(parseControlCodes('CN 1C902.a', 'ECCN')).toMatchObject({ kind: 'valid', codes: ['1C902.a'] });
    expect(parseControlCodes('EAR99', 'ECCN')).toEqual({ kind: 'none' });
  });

  it('leaves what may be a slip or a part number unreadable (review), never guessed', () => {
    expect(cell('1C9021')).toMatchObject({ kind: 'invalid', unreadable: ['1C9021'] });
    expect(cell('1C902ab')).toMatchObject({ kind: 'invalid', unreadable: ['1C902ab'] });
    expect(cell('A1C902')).toMatchObject({ kind: 'invalid', unreadable: ['A1C902'] });
  });
});

describe('HS codes as manifests write them', () => {
  const digits = (text: string) => {
    const hs = parseHsCode(text, 'cn');
    return hs.kind === 'valid' ? hs.digits : hs.kind;
  };

  it('reads labels, separators and a code that went through a spreadsheet as a number', () => {
    expect(digits('HS 2846.90.19.40')).toBe('2846901940');
    expect(digits('2846 90 19 40')).toBe('2846901940');
    expect(digits('8112929000.0')).toBe('8112929000');
    expect(digits('81129290.0')).toBe('81129290');
    expect(digits('2846901940.00')).toBe('2846901940');
    // 8 digits, a dot and 2 more is how a 10-digit code is written, not a number with decimals
    expect(digits('28469019.00')).toBe('2846901900');
  });

  it('reads a code with a note in brackets after it', () => {
    expect(digits('2846901940 (samarium oxide)')).toBe('2846901940');
    expect(digits('2846901940（氧化钐）')).toBe('2846901940');
    expect(digits('(2846901940)')).toBe('invalid');
  });

  it('reads the writings of the input torture set: a label with a colon, full-width digits, a trailing check letter', () => {
    expect(digits('HS:854231')).toBe('854231');
    expect(digits('8542.31.00')).toBe('85423100');
    expect(digits('8542 31 00')).toBe('85423100');
    expect(digits('２８４６９０１９４０')).toBe('2846901940');
    expect(digits('2841801000A')).toBe('2841801000');
    // Japan's 9-digit statistical number with its NACCS character: another country's code, its 6 HS digits under intl
    expect(digits('8542.31-000 X')).toBe('invalid');
    expect(parseHsCode('8542.31-000 X', 'intl')).toMatchObject({ kind: 'valid', digits: '854231' });
    expect(digits('1C902')).toBe('invalid');
    expect(digits('ABC')).toBe('invalid');
  });

  it('puts back the leading zero a spreadsheet dropped from a code of chapters 01-09, where the nomenclature has it', () => {
    expect(parseHsCode('30617', 'cn')).toMatchObject({ kind: 'valid', digits: '030617', zeroRestored: true });
    expect(parseHsCode('304', 'cn')).toMatchObject({ kind: 'valid', digits: '0304', zeroRestored: true });
    expect(parseHsCode('902109090', 'cn')).toMatchObject({ kind: 'valid', digits: '0902109090' });
    // no such heading or subheading with the zero: a code cut short stays unreadable
    expect(parseHsCode('81129', 'cn')).toMatchObject({ kind: 'invalid' });
    expect(parseHsCode('28459', 'cn')).toMatchObject({ kind: 'invalid' });
  });

  it("reads a bill of lading's cell of several codes as its codes, in their order", () => {
    expect(parseHsCode('871200 / 650610 / 830120', 'cn')).toMatchObject({ kind: 'valid', digits: '871200', listed: ['871200', '650610', '830120'] });
    expect(parseHsCode('640399/640419', 'cn')).toMatchObject({ kind: 'valid', digits: '640399', listed: ['640399', '640419'] });
    expect(parseHsCode('8539.52; 8112.92.90.10', 'cn')).toMatchObject({ kind: 'valid', digits: '853952', listed: ['853952', '8112929010'] });
    // one code written with separators stays one code; a list with an unreadable part stays unreadable
    expect(parseHsCode('8112,92,90', 'cn')).toMatchObject({ kind: 'valid', digits: '81129290' });
    expect(parseHsCode('871200 / 65061', 'cn')).toMatchObject({ kind: 'invalid' });
  });

  it('reads a placeholder for a code still to come as no code, and a code with a letter for a digit as unreadable', () => {
    for (const placeholder of ['TBA', 'tbd', 'To be advised', '待定', '未定', 'pending']) expect(digits(placeholder)).toBe('none');
    expect(digits('87O899')).toBe('invalid');
  });

  it('keeps a 6-digit subheading written with a dot, and refuses what is not a code', () => {
    expect(digits('2502.00')).toBe('250200');
    expect(digits('8112.0')).toBe('invalid');
    expect(digits('8.11E+09')).toBe('invalid');
  });
});
