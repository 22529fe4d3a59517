/**
 * Quantities a folded description states ("Li-ion cell 21700, 320 Wh/kg", "high-speed camera 1,000,000 fps",
 * "变频电源 0-1000Hz", "每秒250000帧", "Sb2O3 99.5%", "Ge 5N", "Rm 1790 MPa", "1.85 g/cm3", "D50 45 µm"), in the units
 * the catalogue's thresholds use, so that a `together` group can ask for a parameter at or past an entry's threshold and
 * a `belowThreshold` bound for one on its uncontrolled side. A number counts only right before its unit (a space
 * allowed); of a range ("0-1000 Hz", folded "0 1000 hz") that is the upper end, and the lower end is kept beside it.
 * Thousands are grouped with commas only: a space may stand between a range's two numbers.
 */
import { QUANTITY_LABELS, type QuantityBound, type QuantityCondition, type QuantityLabel, type QuantityUnit, type ThresholdSide } from '../model/quantity.js';
import { foldText } from './fold.js';
import { escapeRegExp as escape } from './regexp.js';

export interface StatedQuantity {
  unit: QuantityUnit;
  /** In the unit's own measure (kHz read as Hz times 1,000). */
  value: number;
  /**
   * Where the goods may also lie lower: a range's lower end ("75-150 µm": 75), or 0 for a value written as an upper
   * limit ("≤ 75 µm", "45 µm max"), which a sieve cut or a maximum is: particles of every smaller size pass it.
   */
  low?: number;
  /** Written as what the goods take in ("input 220 V", "AC220V", "入力 100V"), not what they are rated for. */
  supply?: true;
  /**
   * Written as a lower limit ("超过30W", "> 500 W", "above 125 Hz", "500W以上", "30 W超", "40 W min"): the goods lie at or
   * above it, anywhere higher, so the value shows no upper bound to be met.
   */
  lowerLimit?: true;
  /** A value written as a named dimension ("直径10mm", "OD 80 mm", "Φ120", "内径100mm", "绞刀功率200kW"). */
  label?: QuantityLabel;
  start: number;
  end: number;
}

/** Each written unit with its unit and factor (compared folded: m³/s is m3/s, 帧 and 每 as the fold writes them). */
const WRITTEN: [string, QuantityUnit, number][] = [
  ['wh/kg', 'Wh/kg', 1],
  ['kwh/kg', 'Wh/kg', 1000],
  ['瓦时/千克', 'Wh/kg', 1],
  ['瓦时/公斤', 'Wh/kg', 1],
  ['fps', 'fps', 1],
  ['kfps', 'fps', 1000],
  ['frames per second', 'fps', 1],
  ['frames/s', 'fps', 1],
  ['帧/秒', 'fps', 1],
  ['帧/s', 'fps', 1],
  ['コマ/秒', 'fps', 1],
  ['hz', 'Hz', 1],
  ['khz', 'Hz', 1e3],
  ['mhz', 'Hz', 1e6],
  ['赫兹', 'Hz', 1],
  ['m3/s', 'm3/s', 1],
  ['m3/min', 'm3/s', 1 / 60],
  ['m3/h', 'm3/s', 1 / 3600],
  ['l/h', 'm3/s', 1e-3 / 3600],
  ['l/hr', 'm3/s', 1e-3 / 3600],
  ['升/小时', 'm3/s', 1e-3 / 3600],
  ['gal/h', 'm3/s', 4.54609e-3 / 3600],
  ['gal/hr', 'm3/s', 4.54609e-3 / 3600],
  ['gph', 'm3/s', 4.54609e-3 / 3600],
  ['gal/min', 'm3/s', 4.54609e-3 / 60],
  ['gpm', 'm3/s', 4.54609e-3 / 60],
  ['cfm', 'm3/s', 0.028316846592 / 60],
  ['l/s', 'm3/s', 1e-3],
  ['l/min', 'm3/s', 1e-3 / 60],
  ['v', 'V', 1],
  ['kv', 'V', 1e3],
  ['a', 'A', 1],
  ['ka', 'A', 1e3],
  ['ma', 'A', 1e-3],
  ['w', 'W', 1],
  ['kw', 'W', 1e3],
  // no mw: folded, a radio's 100 mW and a plant's 100 MW are one text
  ['瓦', 'W', 1],
  ['千瓦', 'W', 1e3],
  // engines' horsepower: mechanical hp, and the metric horsepower (PS) that 马力 and 馬力 mean; no "ps", which is also a picosecond
  ['hp', 'W', 745.7],
  ['bhp', 'W', 745.7],
  ['马力', 'W', 735.5],
  ['馬力', 'W', 735.5],
  ['bq', 'Bq', 1],
  ['kbq', 'Bq', 1e3],
  ['mbq', 'Bq', 1e6],
  ['gbq', 'Bq', 1e9],
  ['tbq', 'Bq', 1e12],
  ['贝可', 'Bq', 1],
  ['ベクレル', 'Bq', 1],
  ['ci', 'Bq', 3.7e10],
  ['mci', 'Bq', 3.7e7],
  ['μci', 'Bq', 3.7e4],
  ['uci', 'Bq', 3.7e4],
  ['kci', 'Bq', 3.7e13],
  ['l', 'L', 1],
  ['ml', 'L', 1e-3],
  ['升', 'L', 1],
  ['毫升', 'L', 1e-3],
  ['リットル', 'L', 1],
  ['cm3', 'L', 1e-3],
  ['m3', 'L', 1e3],
  ['立方米', 'L', 1e3],
  ['cc', 'L', 1e-3],
  // a gallon is read as the imperial one, the larger: the volumes the thresholds bound are upper limits, so a US gallon
  // read so is never cleared below a limit it reaches; "US gal" is the US one
  ['gal', 'L', 4.54609],
  ['gallon', 'L', 4.54609],
  ['gallons', 'L', 4.54609],
  ['加仑', 'L', 4.54609],
  ['ガロン', 'L', 4.54609],
  ['us gal', 'L', 3.785411784],
  ['usg', 'L', 3.785411784],
  ['ft3', 'L', 28.316846592],
  ['cu ft', 'L', 28.316846592],
  ['cu. ft', 'L', 28.316846592],
  ['cu.ft', 'L', 28.316846592],
  ['cuft', 'L', 28.316846592],
  ['立方英尺', 'L', 28.316846592],
  ['立方フィート', 'L', 28.316846592],
  ['yd3', 'L', 764.554857984],
  ['cu yd', 'L', 764.554857984],
  ['cu. yd', 'L', 764.554857984],
  ['立方码', 'L', 764.554857984],
  ['立方ヤード', 'L', 764.554857984],
  // no mn: millinewton and meganewton fold alike
  ['n', 'N', 1],
  ['kn', 'N', 1e3],
  ['千牛', 'N', 1e3],
  // a shaker's force in pound-force or kilogram-force
  ['lbf', 'N', 4.4482216],
  ['磅力', 'N', 4.4482216],
  ['kgf', 'N', 9.80665],
  ['千克力', 'N', 9.80665],
  // contents and purities (by weight or by atoms, as the entry's text says); N-grades ("5N", "4N5") are read apart
  ['%', '%', 1],
  ['pct', '%', 1],
  ['wt%', '%', 1],
  ['wt.%', '%', 1],
  ['mass%', '%', 1],
  ['at%', '%', 1],
  ['at.%', '%', 1],
  ['atom%', '%', 1],
  ['atom %', '%', 1],
  ['質量%', '%', 1],
  // pressures and strengths; mpa is megapascal (no one writes a pressure or a strength in millipascal, and the
  // millipascal-second of a viscosity is not read); no mbar (millibar and megabar fold alike)
  ['mpa', 'MPa', 1],
  ['gpa', 'MPa', 1e3],
  ['kbar', 'MPa', 100],
  ['kpa', 'MPa', 1e-3],
  ['n/mm2', 'MPa', 1],
  ['bar', 'MPa', 0.1],
  ['barg', 'MPa', 0.1],
  ['psi', 'MPa', 0.00689476],
  ['psig', 'MPa', 0.00689476],
  ['ksi', 'MPa', 6.89476],
  ['kgf/cm2', 'MPa', 0.0980665],
  // a strength in kilogram-force per square millimetre, as Japanese mill sheets of older standards write it
  ['kgf/mm2', 'MPa', 9.80665],
  ['kg/mm2', 'MPa', 9.80665],
  ['kg/cm2', 'MPa', 0.0980665],
  ['兆帕', 'MPa', 1],
  ['千帕', 'MPa', 1e-3],
  ['g/cm3', 'g/cm3', 1],
  ['g/cc', 'g/cm3', 1],
  ['g/ml', 'g/cm3', 1],
  ['kg/m3', 'g/cm3', 1e-3],
  ['kg/dm3', 'g/cm3', 1],
  ['t/m3', 'g/cm3', 1],
  ['克/立方厘米', 'g/cm3', 1],
  // sizes; no nm (nanometre and the newton-metre of a torque fold alike)
  ['μm', 'µm', 1],
  ['um', 'µm', 1],
  ['micron', 'µm', 1],
  ['microns', 'µm', 1],
  ['微米', 'µm', 1],
  ['ミクロン', 'µm', 1],
  ['纳米', 'µm', 1e-3],
  ['mm', 'µm', 1e3],
  ['毫米', 'µm', 1e3],
  ['cm', 'µm', 1e4],
  ['厘米', 'µm', 1e4],
  ['km', 'µm', 1e9],
  ['公里', 'µm', 1e9],
  ['inch', 'µm', 25_400],
  // "in" only as a size written as a diameter ("2.5 in dia", "OD 2.75 in"): elsewhere it is the word ("5 in 1")
  ['in', 'µm', 25_400],
  ['inches', 'µm', 25_400],
  // bare metres only as a size written as a named dimension ("dredging depth 15 m", "挖深10米"): elsewhere a length says nothing
  ['m', 'µm', 1e6],
  ['米', 'µm', 1e6],
  ['メートル', 'µm', 1e6],
  ['英寸', 'µm', 25_400],
  ['インチ', 'µm', 25_400],
  // a fibre's tenacity and modulus
  ['cn/dtex', 'cN/dtex', 1],
  ['cn/tex', 'cN/dtex', 0.1],
  ['n/tex', 'cN/dtex', 10],
  ['g/d', 'cN/dtex', 0.8826],
  ['g/den', 'cN/dtex', 0.8826],
  ['gpd', 'cN/dtex', 0.8826],
  // absorbed dose; no mgy (milligray and megagray fold alike), no mrad (a beam divergence in milliradian)
  ['gy', 'Gy', 1],
  ['kgy', 'Gy', 1e3],
  ['rad', 'Gy', 0.01],
  ['krad', 'Gy', 10],
  // times of pulses, rises and delays (6A202's anode pulse rise time); not "us", which is the country as often, nor "ps",
  // which is also metric horsepower (100PS)
  ['ns', 'ns', 1],
  ['nsec', 'ns', 1],
  ['纳秒', 'ns', 1],
  ['ナノ秒', 'ns', 1],
  ['皮秒', 'ns', 1e-3],
  ['μs', 'ns', 1e3],
  ['微秒', 'ns', 1e3],
  ['マイクロ秒', 'ns', 1e3],
  // a gyro's drift; not °/s, in which gyros state their measuring range ("±400°/s"), not their drift
  ['°/h', 'deg/h', 1],
  ['°/hr', 'deg/h', 1],
  // gyro datasheets' degrees per hour ("bias stability 0.3 dph")
  ['dph', 'deg/h', 1],
  ['°/hour', 'deg/h', 1],
  ['deg/h', 'deg/h', 1],
  ['deg/hr', 'deg/h', 1],
  ['deg/hour', 'deg/h', 1],
  ['度/小时', 'deg/h', 1],
  ['°/小时', 'deg/h', 1],
  // a heat exchanger's heat-transfer area (m², ㎡ and m^2 fold to m2); a wire's cross-section in mm2 is read too, so that
  // it is not read as a size
  ['m2', 'm2', 1],
  ['sqm', 'm2', 1],
  ['sq m', 'm2', 1],
  ['sq. m', 'm2', 1],
  ['cm2', 'm2', 1e-4],
  ['mm2', 'm2', 1e-6],
  ['ft2', 'm2', 0.09290304],
  ['sq ft', 'm2', 0.09290304],
  ['sq. ft', 'm2', 0.09290304],
  ['sq.ft', 'm2', 0.09290304],
  ['sqft', 'm2', 0.09290304],
  ['平方英尺', 'm2', 0.09290304],
  ['平方フィート', 'm2', 0.09290304],
  ['平方米', 'm2', 1],
  ['平米', 'm2', 1],
  ['平方メートル', 'm2', 1],
  // a capacitor's capacitance; no bare f (a temperature's °F, a code's 12F) and no mf (millifarad and the old microfarad fold alike)
  ['μf', 'F', 1e-6],
  ['uf', 'F', 1e-6],
  ['nf', 'F', 1e-9],
  ['pf', 'F', 1e-12],
  ['微法', 'F', 1e-6],
  // a data rate in bits (an encrypting VPN gateway's throughput); not Gb/s, which folds as GB/s, a rate in bytes
  ['bps', 'bit/s', 1],
  ['kbps', 'bit/s', 1e3],
  ['mbps', 'bit/s', 1e6],
  ['gbps', 'bit/s', 1e9],
  ['tbps', 'bit/s', 1e12],
  ['kbit/s', 'bit/s', 1e3],
  ['mbit/s', 'bit/s', 1e6],
  ['gbit/s', 'bit/s', 1e9],
  ['tbit/s', 'bit/s', 1e12],
];

/**
 * A decimal comma, as German, French, Vietnamese or Indonesian paperwork writes it ("Mo 99,95%", "3,5 mm"), is one or two
 * digits after a comma that no other comma-separated number stands beside ("10,12,16 mm" is a list of sizes).
 */
const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+)(\.\d+|(?<!\d,\d+),\d{1,2}(?![\d,]))?`;
/**
 * Chinese and Japanese write large numbers in ten-thousands: 100万帧/秒 is 1,000,000 fps (the fold reads 萬 and 億 as 万 and
 * 亿); English writes millions ("1 million fps", "2.5 million frames per second": a framing camera's rate, helper r11a).
 */
const MYRIADS = new Map([
  [foldText('万'), 1e4],
  [foldText('亿'), 1e8],
  [foldText('million'), 1e6],
]);
const MYRIAD = `(?:\\s?(${[...MYRIADS.keys()].join('|')}))?`;
const FACTORS = new Map(WRITTEN.map(([written, unit, factor]) => [foldText(written), { unit, factor }]));
/**
 * Not inside a number (1,000, 2.5), but after a comma that follows a word ("REACTOR,5L"), or digits when no group of
 * three follows it ("DN400,20000 L/S": 400,200 would be no number). Longest units first, so that khz is not read as hz; a Latin unit ends where letters end (5000 mah is no current) and
 * is no unit of a ratio (1 gbq/g is no activity, 5 v/div no voltage; 120v/600a is two quantities, and so is an alloy's
 * be62%/al38%), and is not followed by a digit (3a228 is a control code).
 */
const WRITTEN_UNIT = `(${[...FACTORS.keys()].sort((a, b) => b.length - a.length).map(escape).join('|')})(?!\\d|/(?!(?<=%/)[a-z]{1,2}\\s?\\d)[^\\d\\s]|(?<=[a-z])[a-z])`;
const STATED = new RegExp(`(?<![\\d.±^×*])(?!(?<=\\d,)\\d{3}(?!\\d))${NUMBER}${MYRIAD}\\s?${WRITTEN_UNIT}`, 'g');
/**
 * A number in scientific notation before its unit: "1×10^4 Gy", "2.5 x 10^-3 Bq", "1E5 rad(Si)". A fold writes 10⁴ as
 * 104, as the catalogue's own extraction prints "5×104 Gy"; a power of ten without a caret is read only before a dose or
 * an activity, where no one writes a product of two sizes.
 */
const SCIENTIFIC = new RegExp(
  `(?<![a-z\\d.])(\\d+(?:\\.\\d+)?)\\s?(?:[×x*]\\s?10\\s?\\^\\s?([-+−]?\\d{1,2})|×\\s?10([-+−]?\\d{1,2})|e([-+]?\\d{1,2}))\\s?${WRITTEN_UNIT}`,
  'g',
);
const CARETLESS_UNITS: ReadonlySet<QuantityUnit> = new Set(['Gy', 'Bq']);

/** Purity written in nines: 5N is 99.999 %, 4N5 99.995 % (a lone digit and N, after no letter: M6N is a code). */
const GRADE = /(?<![a-z\d.])([2-9])n([1-9])?(?![a-z\d])/g;
const gradePercent = (nines: number, next: number): number => Number((100 - 10 ** (2 - nines) + next * 10 ** (1 - nines)).toFixed(12));
/** A tolerance ("±5 %", folded "+/ 5 %") is no value of the goods. */
const TOLERANCE_BEFORE = /(?:±|\+\/)\s?$/;
/** A grade after a steel's or alloy's name, then the bar it is made into: "MARAGING 350 BAR", "maraging steel C300 bar" is no pressure. */
const GRADE_THEN_BAR = new RegExp(`(?:maraging|steel|alloy|grade|${['钢', '鋼'].map(foldText).join('|')})\\s?c?$`);
/** A megapascal-second is a viscosity (mPa·s), no pressure. */
const VISCOSITY_AFTER = /^\s?[·.⋅*]?\s?s(?![a-z])/;
/** A range's lower end right before the value ("75-150 µm", folded "75 150 μm"; "100～200μm"), not a formula's digit (Sb2O3 99.5 %). */
const RANGE_FROM = /(?<![a-z\d.])(\d+(?:\.\d+)?)\s?(?:~|〜|to|至|–|—|\s)\s?$/;
/** A value written as an upper limit: the goods may lie anywhere below it. */
const UPPER_LIMIT_BEFORE = new RegExp(`(?:[≤<≦]|=<|max\\.?|maximum|up to|under|below|${['不大于', '小于', '最大'].map(foldText).join('|')})\\s?[:：=]?\\s?$`);
const UPPER_LIMIT_AFTER = new RegExp(`^\\s?(?:max(?![a-z])|${['以下', '以内', '未満'].map(foldText).join('|')})`);
/** A value written as a lower limit (checked after the upper limit: 不大于 is one): the goods may lie anywhere above it. */
const LOWER_LIMIT_BEFORE = new RegExp(
  `(?:[≥>≧]|=>|(?:^|[^a-z])(?:min\\.?|minimum|at least|more than|greater than|over|above|exceeding)|${['超过', '超出', '大于', '高于', '不小于', '不低于', '至少'].map(foldText).join('|')})\\s?[:：=]?\\s?$`,
);
const LOWER_LIMIT_AFTER = new RegExp(`^\\s?(?:min(?![a-z])|${['以上', '超'].map(foldText).join('|')})`);
/**
 * Sieve openings in µm by US standard sieve number (ASTM E11), the mesh sizes superabrasive grit is graded in (ISO 6106:
 * "20/25 mesh", "40/50目", "30/40メッシュ"). A size between two sieves is a range; one sieve alone is what passes it, an
 * upper limit ("-325 mesh", "400目"). A grit number of a grading scale ("#3000", "3000番", "F220") is not a mesh size.
 */
const SIEVE_OPENING = new Map<number, number>([
  [10, 2000], [12, 1700], [14, 1400], [16, 1180], [18, 1000], [20, 850], [25, 710], [30, 600], [35, 500], [40, 425], [45, 355],
  [50, 300], [60, 250], [70, 212], [80, 180], [100, 150], [120, 125], [140, 106], [170, 90], [200, 75], [230, 63], [270, 53],
  [325, 45], [400, 38], [450, 32], [500, 25], [635, 20],
]);
// "-100+200 mesh" (through 100, on 200) is folded to "100+200 mesh"
const MESH = new RegExp(`(?<![\\d.#])(?:(\\d{2,3})\\s?[/+]\\s?)?(\\d{2,3})\\s?(?:mesh|${['目', 'メッシュ'].map(foldText).join('|')})`, 'g');

/** Chinese "每秒250000帧": the number between its two words. */
const PER_SECOND_FRAMES = new RegExp(`${foldText('每秒')}\\s?${NUMBER}${MYRIAD}\\s?${foldText('帧')}`, 'g');

/**
 * The dimension a size or a power is written as, by the words right before it (an inside diameter first: "inner
 * diameter" ends in "diameter"): "ID 152 mm", "i.d. 100 mm", "内径100mm", "缸体内径100mm"; "OD 80 mm", "dia 120 mm", "Φ120mm", "Ø100", "直径10mm",
 * "外径90mm". No bare 径: 粒径 is a particle size.
 */
const LABEL_BEFORE: [QuantityLabel, RegExp][] = [
  // a grit or particle size, its grade or mesh number in between, and the upper end of a range ("粒度#140（106µm）", "grit
  // 3000 (4 µm)", "grit 20/25 mesh (710-850 um)", "particle size 45-106 µm", "D50 45 µm")
  [
    'particle',
    new RegExp(
      `(?:grit(?: size)?|particle size|grain size|(?:^|[^a-z])d(?:50|90|97|100)|${['粒度', '粒径', '粒徑', '砥粒径'].map(foldText).join('|')})\\s?(?:#?\\d+(?:/\\d+)?\\s?(?:mesh|${foldText('目')})?\\s?[(（]\\s?)?[:：=]?\\s?(?:\\d+(?:\\.\\d+)?\\s?(?:~|〜|to|至)?\\s?)?$`,
    ),
  ],
  // with or without a diameter sign after the words ("工作缸内径Φ100mm")
  // a bore is the inside diameter of what has one (a magnet's cold bore, a press's or a cylinder's bore), and so is the size
  // of a chamber ("chamber 50 mm", "50 mm chamber": an isostatic press's cavity)
  ['inside-diameter', new RegExp(`(?:inside diameter|inner diameter|internal diameter|(?:^|[^a-z])(?:i\\.?d\\.?|bore|chamber(?: diameter| dia\\.?)?)|${['内径', '內徑'].map(foldText).join('|')})\\s?[:：=]?\\s?[φø⌀]?\\s?$`)],
  ['diameter', new RegExp(`(?:outside diameter|outer diameter|diameter|(?:^|[^a-z])(?:dia\\.?|o\\.?d\\.?)|[φø⌀]|${['直径', '直徑', '外径', '外徑'].map(foldText).join('|')})\\s?[:：=]?\\s?$`)],
  // a machine tool's positioning accuracy, the linear size 2B201 decides by ("positioning accuracy 0.010 mm", "定位精度0.012mm",
  // "位置決め 0.001mm"),
  // not its repeatability ("repeat positioning accuracy", "重复定位精度", "繰り返し位置決め精度")
  [
    'positioning-accuracy',
    new RegExp(
      `(?<!(?:repeat|repeated|repeatability)\\s?|${['重复', '重複', '繰り返し', '繰返し'].map(foldText).join('|')})(?:(?<![a-z])positioning(?: accuracy)?|position accuracy|(?:^|[^a-z])pos\\.? acc(?:uracy|y)?\\.?|${['定位精度', '位置決め精度', '位置決精度', '定位', '位置決め'].map(foldText).join('|')})\\s?[:：=]?\\s?$`,
    ),
  ],
  // the deepest a dredger digs, which 8A901 decides by ("挖深": 挖泥船作业时最大挖深)
  [
    'dredging-depth',
    new RegExp(
      `(?:(?:dredging|digging|dredge) depth|${['挖深', '挖泥深度', '疏浚深度', '浚渫深度', '浚渫深さ', '掘削深度'].map(foldText).join('|')})\\s?[:：=]?\\s?$`,
    ),
  ],
  // a cutter suction dredger's cutter power ("绞刀功率": 绞刀工作所需的输入功率) and a dredger's total installed power
  // ("总装机功率": 船上所有柴油机及电池输出功率之和)
  ['cutter-power', new RegExp(`(?:(?:^|[^a-z])cutter(?: ?head)?(?: power| drive)?|${['绞刀功率', '绞刀', 'カッター出力', 'カッター動力', 'カッター'].map(foldText).join('|')})\\s?[:：=]?\\s?$`)],
  [
    'installed-power',
    new RegExp(`(?:(?:^|[^a-z])installed(?: power)?|total power|${['总装机功率', '装机功率', '總裝機功率', '総搭載出力', '総出力', '総装備出力', '機関総出力'].map(foldText).join('|')})\\s?[:：=]?\\s?$`),
  ],
];
/** Or by the letters right after it, as English specifications also write a size: "chamber 50 mm ID", "tube 25 mm OD". */
const LABEL_AFTER: [QuantityLabel, RegExp][] = [
  ['inside-diameter', /^\s?(?:i\.?d\.?|(?:(?:cold|warm|room temperature) )?bore|chamber)(?![a-z])/],
  ['diameter', /^\s?(?:o\.?d\.?|dia\.?)(?![a-z])/],
];
/** Metres, which a size counts in only where a named dimension says what they measure. */
const UNLABELLED_LENGTH = new Set(['m', '米', 'メートル'].map(foldText));
const LABELLED_UNITS: ReadonlySet<QuantityUnit> = new Set(Object.values(QUANTITY_LABELS));
const labelOf = (unit: QuantityUnit, before: string, after: string): QuantityLabel | undefined =>
  LABEL_BEFORE.find(([label, words]) => QUANTITY_LABELS[label] === unit && words.test(before))?.[0] ??
  LABEL_AFTER.find(([label, words]) => QUANTITY_LABELS[label] === unit && words.test(after))?.[0];

/**
 * An ash content, the way certificates write a graphite's purity ("ash 0.15 %", "灰分≤0.05%"), states the purity from the
 * other side: 100 % less it (purityFromAsh).
 */
const ASH_BEFORE = new RegExp(
  `(?:(?:^|[^a-z])ash(?: content)?|${['灰分含量', '灰分量', '灰分', '灰份'].map(foldText).join('|')})\\s?(\\(max\\.?\\)\\s?)?[:：=]?\\s?([≤<≦]|=<|max\\.?|${['不大于', '小于', '最大'].map(foldText).join('|')})?\\s?[:：=]?\\s?(?:\\d+(?:\\.\\d+)?(?:\\s?(?:-|~|〜|to|${foldText('至')})\\s?|\\s))?$`,
);

/** The purity an ash content leaves; an ash written as its maximum ("≤0.05 %") leaves a purity written as its minimum. */
function purityFromAsh(ash: number, low: number | undefined, start: number, end: number): StatedQuantity {
  if (low === 0) return { unit: '%', value: 100 - ash, lowerLimit: true, start, end };
  return { unit: '%', value: 100 - (low ?? ash), ...(low !== undefined ? { low: 100 - ash } : {}), start, end };
}

/** Words right before a value that make it the supply side: a power supply's 220 V input says nothing of its output. */
const SUPPLY_BEFORE = new RegExp(`(?:(?:^|[^a-z])(?:input|ac|mains|primary)|${['输入', '入力', '一次'].map(foldText).join('|')})\\s?[:：=]?\\s?$`);

/** A number right after letters is part of a model or control code (GP3A, 3A228, K5V), unless they say AC or DC or it is a content (W85%). */
const inCode = (text: string, at: number, unit: QuantityUnit): boolean =>
  unit !== '%' && /[a-z]/.test(text[at - 1] ?? '') && !/(?:^|[^a-z])[ad]c$/.test(text.slice(Math.max(0, at - 3), at));

const valueOf = (whole: string, fraction: string | undefined, myriad: string | undefined): number =>
  Number(whole.replace(/,/g, '') + (fraction?.replace(',', '.') ?? '')) * (myriad ? MYRIADS.get(myriad)! : 1);

/** "Ge 99,999 %" is no 99,999 per cent: a purity's three decimals after a decimal comma. */
const percentOf = (whole: string, fraction: string | undefined): number | undefined =>
  fraction === undefined && /^\d{1,2},\d{3}$/.test(whole) ? Number(whole.replace(',', '.')) : undefined;

/** The lower end of the goods' range where the text gives one: a range's first number, or 0 below an upper limit. */
function lowerEnd(before: string, after: string, value: number, factor: number): number | undefined {
  if (UPPER_LIMIT_BEFORE.test(before) || UPPER_LIMIT_AFTER.test(after)) return 0;
  const from = RANGE_FROM.exec(before);
  const low = from ? Number(from[1]) * factor : undefined;
  // "D50 15 µm" is no range from 50: a lower end lies below the upper
  return low !== undefined && low < value ? low : undefined;
}

export function statedQuantities(text: string): StatedQuantity[] {
  if (!/\d/.test(text)) return [];
  const found: StatedQuantity[] = [];
  for (const m of text.matchAll(STATED)) {
    const written = m[4]!;
    const { unit, factor } = FACTORS.get(written)!;
    const end = m.index + m[0].length;
    const before = text.slice(Math.max(0, m.index - 16), m.index);
    const after = text.slice(end, end + 6);
    if (inCode(text, m.index, unit) || TOLERANCE_BEFORE.test(before) || (written === 'mpa' && VISCOSITY_AFTER.test(after))) continue;
    if (written === 'bar' && GRADE_THEN_BAR.test(before)) continue;
    if (written === 'n' && m[0].length === 2 && /[2-9]/.test(m[0][0]!)) continue; // "5N" is a purity (GRADE below)
    if (/^0\d/.test(m[1]!) && /\d\s$/.test(before)) continue; // "1 000 Hz": the tail of a number grouped with a space, no value
    const value = (unit === '%' ? percentOf(m[1]!, m[2]) : undefined) ?? valueOf(m[1]!, m[2], m[3]) * factor;
    const low = lowerEnd(before, after, value, factor);
    const supply = SUPPLY_BEFORE.test(before.slice(-12));
    // a label may stand further back, past a grade and a range's lower end ("grit 20/25 mesh (710-850 um)"), or after
    // ("2 in cold bore")
    const label = LABELLED_UNITS.has(unit) ? labelOf(unit, text.slice(Math.max(0, m.index - 32), m.index), text.slice(end, end + 24)) : undefined;
    if ((written === 'in' || UNLABELLED_LENGTH.has(written)) && label === undefined) continue;
    // a purity or content is always written as its minimum ("≥99.8%"): that is its grade, so % is never a lower limit
    const lowerLimit = unit !== '%' && low === undefined && (LOWER_LIMIT_BEFORE.test(before) || LOWER_LIMIT_AFTER.test(after));
    const ash = unit === '%' ? ASH_BEFORE.exec(text.slice(Math.max(0, m.index - 32), m.index)) : null;
    // "ash (max) 0.1 %": a maximum however it is written
    if (ash) found.push(purityFromAsh(value, ash[1] || ash[2] ? 0 : low, m.index, end));
    found.push({
      unit,
      value,
      start: m.index,
      end,
      ...(low !== undefined ? { low } : {}),
      ...(supply ? { supply } : {}),
      ...(lowerLimit ? { lowerLimit: true as const } : {}),
      ...(label ? { label } : {}),
    });
  }
  for (const m of text.matchAll(SCIENTIFIC)) {
    const { unit, factor } = FACTORS.get(m[5]!)!;
    if (m[3] !== undefined && !CARETLESS_UNITS.has(unit)) continue;
    const exponent = Number((m[2] ?? m[3] ?? m[4]!).replace('−', '-'));
    const end = m.index + m[0].length;
    const before = text.slice(Math.max(0, m.index - 16), m.index);
    const lowerLimit = LOWER_LIMIT_BEFORE.test(before) || LOWER_LIMIT_AFTER.test(text.slice(end, end + 6));
    found.push({ unit, value: Number(m[1]) * 10 ** exponent * factor, start: m.index, end, ...(lowerLimit ? { lowerLimit: true as const } : {}) });
  }
  for (const m of text.matchAll(MESH)) {
    const start = m.index;
    const end = m.index + m[0].length;
    // a size written in µm beside the mesh says it better, and is the particle size ("-100 mesh (150 um)", "20/25目 (710-850μm)")
    const beside = found.filter((q) => q.unit === 'µm' && (q.label === undefined || q.label === 'particle') && q.start < end + 24 && q.end > start - 24);
    for (const q of beside) q.label = 'particle';
    if (beside.length > 0) continue;
    const coarserMesh = m[1];
    const finer = SIEVE_OPENING.get(Number(m[2]));
    const coarser = coarserMesh === undefined ? undefined : SIEVE_OPENING.get(Number(coarserMesh));
    if (finer === undefined || (coarserMesh !== undefined && (coarser === undefined || coarser <= finer))) continue;
    found.push(coarser === undefined ? { unit: 'µm', value: finer, low: 0, label: 'particle', start, end } : { unit: 'µm', value: coarser, low: finer, label: 'particle', start, end });
  }
  for (const m of text.matchAll(GRADE)) found.push({ unit: '%', value: gradePercent(Number(m[1]), Number(m[2] ?? 0)), start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(PER_SECOND_FRAMES)) {
    const end = m.index + m[0].length;
    const value = valueOf(m[1]!, m[2], m[3]);
    // the limit words stand around the whole phrase: "每秒225000帧以上", "不超过每秒1000帧"
    const before = text.slice(Math.max(0, m.index - 16), m.index);
    const after = text.slice(end, end + 6);
    const low = lowerEnd(before, after, value, 1);
    const lowerLimit = low === undefined && (LOWER_LIMIT_BEFORE.test(before) || LOWER_LIMIT_AFTER.test(after));
    found.push({ unit: 'fps', value, start: m.index, end, ...(low !== undefined ? { low } : {}), ...(lowerLimit ? { lowerLimit: true as const } : {}) });
  }
  return found;
}

/** Whether a value lies on the given side of a threshold. */
const onSide = (value: number, side: ThresholdSide): boolean =>
  side.below !== undefined
    ? value < side.below
    : side.atMost !== undefined
      ? value <= side.atMost
      : side.above !== undefined
        ? value > side.above
        : value >= side.atLeast!;

/** Of a range, the upper end meets a condition: "0-1000 Hz" states 1000 Hz. */
export const meets = (q: StatedQuantity, c: QuantityCondition): boolean =>
  q.unit === c.quantity && (onSide(q.value, c) || (q.lowerLimit === true && c.above !== undefined && q.value >= c.above));

/**
 * The description states the bound's parameter, and every value it states of it lies on the uncontrolled side: "Po-210
 * ionizer 18.5 MBq" under 3.7 GBq, "thermal spray Mo powder 75-150 µm" above 50 µm (the whole range). One value past the
 * bound ("30 kV, 10 mA ... 50 kV") and it says nothing; nor does a value on the supply side ("HV supply, input 220 V":
 * its output is not stated), nor one below the bound's `valuesFrom` (an impurity beside a purity), nor, for a bound `of` a
 * dimension, a size not written as that dimension (a bar's length beside its diameter).
 */
export const statesOnlyWithin = (stated: StatedQuantity[], bound: QuantityBound): boolean => {
  const values = stated.filter(
    (q) =>
      q.unit === bound.quantity &&
      !q.supply &&
      q.value >= (bound.valuesFrom ?? -Infinity) &&
      (bound.of === undefined || q.label === bound.of) &&
      // a range's lower end, or 0 below an upper limit ("max 400 Hz"): both say where the goods' values lie
      (!bound.rangesOnly || q.low !== undefined),
  );
  return values.length > 0 && values.every((q) => withinBound(q, bound));
};

/** Below a bound the upper end counts, above it the lower: the whole range lies on the uncontrolled side. */
const withinBound = (q: StatedQuantity, bound: QuantityBound): boolean =>
  bound.above !== undefined || bound.atLeast !== undefined
    ? onSide(q.low ?? q.value, bound)
    : // a lower limit ("超过30W") lies past any upper bound it names: the goods may be higher
      !q.lowerLimit && onSide(q.value, bound);

/**
 * A grit written only as a number of a grading scale ("#3000", "3000 grit", "粒度#1500", "400 mesh", "400目", "3000番"):
 * JIS, FEPA and ANSI give one number different sizes (#1200 is about 3 µm in FEPA F and about 10 µm in JIS), so the
 * number tells no particle size to hold against an entry's threshold in µm.
 */
const GRIT_NUMBER = new RegExp(
  `#\\s?\\d{2,5}(?!\\d)|(?<![\\d.])\\d{2,5}\\s?(?:grit|mesh|${['目', 'メッシュ', '番'].map(foldText).join('|')})|(?:grit|mesh|${['粒度', '番手'].map(foldText).join('|')})\\s?#?\\s?\\d{2,5}(?!\\d)`,
);

/** The grading number a folded description gives for a grit, where it states no particle size in µm. */
export function gritNumberOnly(text: string, stated: StatedQuantity[]): string | undefined {
  // a size of a particle, or one too small to be the goods' own dimensions ("0-2 µm")
  if (stated.some((q) => q.unit === 'µm' && (q.label === 'particle' || (q.label === undefined && q.value < 1000)))) return undefined;
  return GRIT_NUMBER.exec(text)?.[0];
}

/** A quantity as a finding shows it: 320 Wh/kg. */
export const quantityText = (q: StatedQuantity): string => `${Number(q.value.toPrecision(6))} ${q.unit}`;
