import { describe, it, expect } from 'vitest';
import { countryName } from '../../src/i18n/countries.js';
import { countriesNamedIn, countryCode } from '../../src/match/countries.js';

function expectCodes(cases: Record<string, string | undefined>): void {
  for (const [written, code] of Object.entries(cases)) expect(countryCode(written), written).toBe(code);
}

describe('countryCode', () => {
  it('reads ISO alpha-2 and alpha-3 codes in any case', () => {
    expectCodes({ US: 'US', usa: 'US', DE: 'DE', deu: 'DE', gbr: 'GB', KOR: 'KR', PRK: 'KP', TWN: 'TW', HKG: 'HK', MAC: 'MO', cod: 'CD', cog: 'CG' });
  });

  it('treats punctuation, spacing, case and accents alike', () => {
    expectCodes({
      'U.S.A.': 'US',
      'U.S.': 'US',
      'u.s.a': 'US',
      ' United  States of America. ': 'US',
      'UNITED STATES': 'US',
      'Korea, Republic of': 'KR',
      'Korea (South)': 'KR',
      'S. Korea': 'KR',
      'U.K.': 'GB',
      'Great-Britain': 'GB',
      'U.A.E.': 'AE',
      Türkiye: 'TR',
      TURKIYE: 'TR',
      "Côte d’Ivoire": 'CI',
      "Cote d'Ivoire": 'CI',
      'Bosnia & Herzegovina': 'BA',
      'St. Lucia': 'LC',
      'St Kitts & Nevis': 'KN',
    });
  });

  it('normalises full-width and ideographic-space input', () => {
    expectCodes({ 'ＵＳＡ': 'US', 'Ｊａｐａｎ': 'JP', '　日本　': 'JP', 'ＣＨＩＮＡ': 'CN', '中国（台湾）': 'TW', '刚果（金）': 'CD' });
  });

  it('knows English names and common variants', () => {
    expectCodes({
      America: 'US',
      'United Kingdom': 'GB', UK: 'GB', 'Great Britain': 'GB', Britain: 'GB', England: 'GB',
      'South Korea': 'KR', 'Republic of Korea': 'KR', ROK: 'KR',
      'North Korea': 'KP', DPRK: 'KP', "Democratic People's Republic of Korea": 'KP', 'Korea, North': 'KP',
      Russia: 'RU', 'Russian Federation': 'RU',
      'Hong Kong': 'HK', HK: 'HK', 'Hong Kong SAR': 'HK', 'Hong Kong, China': 'HK',
      Macau: 'MO', Macao: 'MO',
      'Viet Nam': 'VN', Vietnam: 'VN',
      Holland: 'NL', 'The Netherlands': 'NL',
      Czechia: 'CZ', 'Czech Republic': 'CZ',
      Turkey: 'TR', UAE: 'AE', Burma: 'MM', Swaziland: 'SZ', 'Ivory Coast': 'CI', 'East Timor': 'TL',
      Nippon: 'JP', Nihon: 'JP', Deutschland: 'DE',
    });
  });

  it('keeps Taiwan and the PRC apart', () => {
    expectCodes({
      China: 'CN', "People's Republic of China": 'CN', 'Peoples Republic of China': 'CN', PRC: 'CN', 'P.R.C.': 'CN',
      'P.R. China': 'CN', 'Mainland China': 'CN', '中国': 'CN', '中國': 'CN', '中华人民共和国': 'CN', '中華人民共和国': 'CN',
      Taiwan: 'TW', 'Republic of China': 'TW', 'R.O.C.': 'TW', 'Taiwan (R.O.C.)': 'TW', 'Chinese Taipei': 'TW',
      'Taiwan, Province of China': 'TW', '台湾': 'TW', '台灣': 'TW', '臺灣': 'TW', '中国台湾': 'TW', '中華民國': 'TW',
      'China, Republic of': 'TW', 'China, People\'s Republic of': 'CN',
    });
  });

  it('reads ISO inverted names and government forms', () => {
    expectCodes({
      'Iran, Islamic Republic of': 'IR',
      'Islamic Republic of Iran': 'IR',
      'Tanzania, United Republic of': 'TZ',
      'Bolivia, Plurinational State of': 'BO',
      'Congo, The Democratic Republic of the': 'CD',
      'Virgin Islands, U.S.': 'VI',
      'Virgin Islands, British': 'VG',
      'Republic of Singapore': 'SG',
      'Kingdom of Saudi Arabia': 'SA',
      'Federal Republic of Germany': 'DE',
    });
  });

  it('never lets a government form choose a China or a Korea', () => {
    expectCodes({ "People's Republic of Korea": undefined, 'Federal Republic of China': undefined });
  });

  it('accepts a code beside a name only when both agree', () => {
    expectCodes({ 'DE - Germany': 'DE', 'CN | China': 'CN', 'Japan (JP)': 'JP', 'China (TW)': undefined, 'Japan / Korea': undefined });
  });

  it('knows Chinese names, simplified and traditional', () => {
    expectCodes({
      '日本': 'JP', '美国': 'US', '美國': 'US', '韩国': 'KR', '韓國': 'KR', '南韓': 'KR', '朝鲜': 'KP', '北韓': 'KP',
      '德国': 'DE', '法国': 'FR', '英国': 'GB', '俄罗斯': 'RU', '俄罗斯联邦': 'RU', '香港': 'HK', '中国香港': 'HK',
      '澳门': 'MO', '澳門': 'MO', '新加坡': 'SG', '越南': 'VN', '泰国': 'TH', '马来西亚': 'MY', '馬來西亞': 'MY',
      '印度': 'IN', '印尼': 'ID', '印度尼西亚': 'ID', '荷兰': 'NL', '荷蘭': 'NL', '意大利': 'IT', '義大利': 'IT',
      '西班牙': 'ES', '加拿大': 'CA', '澳大利亚': 'AU', '澳洲': 'AU', '墨西哥': 'MX', '巴西': 'BR', '沙特': 'SA',
      '阿联酋': 'AE', '土耳其': 'TR', '以色列': 'IL', '伊朗': 'IR', '叙利亚': 'SY', '古巴': 'CU', '白俄罗斯': 'BY',
      '哈萨克斯坦': 'KZ', '吉尔吉斯斯坦': 'KG', '乌兹别克斯坦': 'UZ', '刚果（布）': 'CG',
    });
  });

  it('knows Japanese names', () => {
    expectCodes({
      '日本国': 'JP', '米国': 'US', 'アメリカ': 'US', 'アメリカ合衆国': 'US', '合衆国': 'US', '韓国': 'KR', '大韓民国': 'KR',
      '北朝鮮': 'KP', '台湾': 'TW', 'ドイツ': 'DE', 'フランス': 'FR', '英国': 'GB', 'イギリス': 'GB', 'ロシア': 'RU',
      'シンガポール': 'SG', 'ベトナム': 'VN', 'タイ': 'TH', 'マレーシア': 'MY', 'インド': 'IN', 'インドネシア': 'ID',
      'オランダ': 'NL', '豪州': 'AU', 'トルコ': 'TR', 'イラン': 'IR', 'キルギス': 'KG', 'ボスニア・ヘルツェゴビナ': 'BA',
      'ｱﾒﾘｶ': 'US', // half-width katakana
    });
  });

  it('knows the names Korean, Vietnamese, Thai, Indonesian, European, Turkish and Arabic paperwork writes (CLDR), and origin phrases', () => {
    expectCodes({
      '중국': 'CN', '대한민국': 'KR', '한국': 'KR', 'Trung Quốc': 'CN', 'Trung Quoc': 'CN', 'Việt Nam': 'VN', 'จีน': 'CN',
      'Tiongkok': 'CN', 'Jepang': 'JP', 'Vereinigte Staaten': 'US', 'Chine': 'CN', 'Singapura': 'SG',
      'Made in China': 'CN', 'PRC origin': 'CN', 'Origin: Japan': 'JP', '中国产': 'CN', Made: undefined,
      'VR China': 'CN', 'Volksrepublik China': 'CN', 'Chinese origin': 'CN', 'of Chinese origin': 'CN', Chinese: undefined,
      'België': 'BE', 'Niederlande': 'NL', 'Çin': 'CN', 'الصين': 'CN', 'الإمارات العربية المتحدة': 'AE',
    });
  });

  it('reads the country after the abbreviations and labels of an origin cell (Orig., COO, 原产地, 原産国)', () => {
    expectCodes({
      'Orig. China': 'CN', 'COO: CN': 'CN', 'C.O.O. China': 'CN', '原产地：中国': 'CN', '原産国 中国': 'CN', '產地:台灣': 'TW',
      Orig: undefined, COO: undefined, 'Cook Islands': 'CK',
    });
  });

  it('resolves the ambiguous names as documented', () => {
    expectCodes({ Korea: 'KR', Guinea: 'GN', 'Equatorial Guinea': 'GQ', Congo: undefined, '刚果': undefined, 'コンゴ': undefined, Niger: 'NE', Nigeria: 'NG', Dominica: 'DM', 'Dominican Republic': 'DO' });
  });

  it('returns undefined for placeholders and unknown text', () => {
    expectCodes({
      '': undefined, '   ': undefined, '-': undefined, '--': undefined, 'N/A': undefined, 'n/a': undefined, 'n.a.': undefined,
      unknown: undefined, TBD: undefined, '不明': undefined, '未知': undefined, '?': undefined, Europe: undefined, 'EU': undefined,
      'Shanghai': undefined,
    });
    expect(countryCode('NA')).toBe('NA'); // the ISO code of Namibia
  });
});

describe('countryName', () => {
  it('gives the English short name, or the code back', () => {
    expect(countryName('TW')).toBe('Taiwan');
    expect(countryName('KR')).toBe('South Korea');
    expect(countryName('cn')).toBe('China');
    expect(countryName('CD')).toBe('Democratic Republic of the Congo');
    expect(countryName('XX')).toBe('XX');
  });

  it('names every code that countryCode returns', () => {
    for (const written of ['Japan', 'USA', '中国台湾', 'Viet Nam', 'Türkiye']) {
      const code = countryCode(written);
      expect(code).toBeDefined();
      expect(countryName(code ?? '')).not.toBe(code);
    }
  });
});

describe('countries written as addresses', () => {
  it('takes the country from the end of "City, Country"', async () => {
    const { countryCode } = await import('../../src/match/countries.js');
    expect(countryCode('Yokohama, Japan')).toBe('JP');
    expect(countryCode('Los Angeles, CA, USA')).toBe('US');
    expect(countryCode('Korea, Republic of')).toBe('KR');
    expect(countryCode('Springfield, Nowhere')).toBeUndefined();
  });
});

describe('countriesNamedIn (round 18g)', () => {
  it('finds a country in a phrase of a name, and a Han name inside a name written without spaces', () => {
    expect([...countriesNamedIn('ROK Army 2nd Infantry Division')]).toEqual(['KR']);
    expect([...countriesNamedIn('澳大利亚皇家空军第75中队')]).toEqual(['AU']);
    expect([...countriesNamedIn('英国陸軍 第1師団')]).toEqual(['GB']);
    expect([...countriesNamedIn('驻韩美军第二步兵师')]).toEqual([]);
  });

  it('but not a kana name inside a longer word', () => {
    expect([...countriesNamedIn('ウインドウフィルム タイヤ')]).toEqual([]);
  });
});
