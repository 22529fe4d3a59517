/**
 * A foreign company's name written in Chinese characters chosen for their sound (库比克 for Cubic, 特利丹 for Teledyne,
 * 艾尔比特系统 for Elbit Systems), read as a query for the sound matcher (sound.ts), for the transliterations the Hong Kong,
 * Taiwanese and mainland press use where no source gives them as the listed entity's name.
 *
 * Each character that transliteration uses is read by its Mandarin pinyin, which becomes a Latin spelling with the
 * sounds English names are rendered by (x → s, q → ch, zh → j, c → s, -ng → -n, er → r), so that its key is formed as an
 * English word's is (the standard tables keep English d and t, g and k apart as pinyin does: 德 for d, 特 for t; b and p
 * are one class, chineseKey, for 波 writes both). Chinese words that translate English words of names (系统 systems, 技术
 * technologies, 防务 defense, 全球 global …) are read as those words, as sound.ts reads 航空 in a katakana name, and Latin
 * letters as a Latin name's (特利丹FLIR, MP材料); a country written first (捷克奥姆尼波尔公司) is a word the name may leave out,
 * or match the listed name's country by (埃比特系统美国公司). A name with any other character (贸易, 上海, 电器 …) is an
 * ordinary Chinese name and is not read.
 *
 * Precision: only a company's name (a legal form such as 公司, or a translated word) with at least three transliteration
 * characters, or two, or Latin letters, beside a translated word, is read: two-character names are mostly ordinary Chinese
 * names (康达, 华安), and a place is transliterated too (吉隆坡). The rest is sound.ts's whole-name rule, and a match by
 * sound is only ever a possible match (review).
 */
import { foldName, isLatinLegalForm } from './party-names.js';
import { chineseKey, latinKey, romajiKey, SEPARATORS, type SoundQuery, type SoundToken, TRAILING_REMARK } from './sound.js';

/**
 * Characters of transliteration with their Mandarin pinyin (tones left out), by initial: those the standard tables of
 * English names in Chinese use (the Xinhua 英语姓名译名手册 and GB/T 17693.1 tables), and the Hong Kong and Taiwanese
 * ones (歇, 汀, 聲 …); folded as names are (foldName) when the table is built.
 */
const PINYIN = `
阿a 埃ai 艾ai 爱ai 安an 昂ang 奥ao 欧ou 鸥ou 厄e 恩en 尔er 伊yi 依yi 易yi 因yin 英ying 印yin 尤you 于yu 约yue 雅ya 亚ya 扬yang
耶ye 叶ye 乌wu 武wu 瓦wa 万wan 旺wang 威wei 韦wei 维wei 卫wei 温wen 文wen 沃wo 翁weng
巴ba 拔ba 白bai 拜bai 班ban 邦bang 保bao 宝bao 鲍bao 贝bei 本ben 比bi 彼bi 毕bi 宾bin 滨bin 波bo 玻bo 博bo 伯bo 柏bo 布bu 步bu
帕pa 派pai 潘pan 庞pang 佩pei 彭peng 皮pi 匹pi 平ping 珀po 坡po 普pu 浦pu
马ma 玛ma 麦mai 迈mai 曼man 芒mang 毛mao 茂mao 梅mei 门men 蒙meng 孟meng 米mi 密mi 敏min 明ming 摩mo 莫mo 默mo 墨mo 姆mu 穆mu 慕mu
法fa 凡fan 范fan 方fang 菲fei 非fei 费fei 芬fen 丰feng 冯feng 佛fo 弗fu 福fu 富fu 夫fu
达da 戴dai 丹dan 当dang 道dao 德de 徳de 登deng 邓deng 迪di 蒂di 帝di 狄di 典dian 顿dun 敦dun 多duo 杜du 度du 丁ding 鼎ding 定ding
塔ta 泰tai 太tai 坦tan 汤tang 唐tang 陶tao 特te 腾teng 提ti 田tian 廷ting 汀ting 通tong 托tuo 陀tuo 拓tuo 图tu 突tu 吐tu
纳na 娜na 奈nai 南nan 楠nan 瑙nao 内nei 尼ni 妮ni 宁ning 农nong 努nu 诺nuo 讷ne 涅nie 纽niu
拉la 腊la 莱lai 来lai 赖lai 兰lan 蓝lan 朗lang 劳lao 勒le 雷lei 蕾lei 冷leng 黎li 里li 利li 力li 立li 丽li 莉li 列lie 林lin 琳lin 凌ling
灵ling 留liu 刘liu 柳liu 龙long 隆long 娄lou 卢lu 鲁lu 路lu 陆lu 露lu 伦lun 仑lun 罗luo 洛luo 络luo 吕lv 连lian 廉lian 莲lian
嘎ga 盖gai 甘gan 冈gang 刚gang 高gao 戈ge 格ge 哥ge 根gen 贡gong 古gu 谷gu 瓜gua 圭gui 贵gui 桂gui 衮gun 郭guo 果guo
卡ka 喀ka 凯kai 开kai 坎kan 康kang 考kao 柯ke 科ke 可ke 克ke 肯ken 孔kong 库ku 夸kua 奎kui 昆kun 阔kuo
哈ha 海hai 汉han 翰han 杭hang 豪hao 赫he 黑hei 亨heng 恒heng 洪hong 胡hu 华hua 怀huai 惠hui 辉hui 霍huo
基ji 吉ji 加jia 佳jia 嘉jia 贾jia 杰jie 捷jie 金jin 津jin 京jing 久jiu 居ju 季ji 纪ji 济ji 焦jiao
奇qi 齐qi 琪qi 契qi 恰qia 钱qian 乔qiao 切qie 钦qin 琴qin 秦qin 丘qiu 邱qiu 琼qiong 屈qu
西xi 希xi 锡xi 席xi 夏xia 霞xia 谢xie 歇xie 辛xin 欣xin 修xiu 休xiu 许xu 旭xu 薛xue 雪xue 逊xun 勋xun 肖xiao 萧xiao
扎zha 札zha 詹zhan 张zhang 哲zhe 珍zhen 真zhen 郑zheng 芝zhi 朱zhu 珠zhu 庄zhuang 卓zhuo
查cha 柴chai 昌chang 彻che 陈chen 成cheng 程cheng 楚chu 川chuan 春chun
沙sha 莎sha 山shan 尚shang 绍shao 舍she 申shen 圣sheng 施shi 史shi 士shi 舒shu 什shi 顺shun 声sheng
热re 仁ren 荣rong 瑞rui 若ruo 儒ru
赞zan 泽ze 曾zeng 兹zi 祖zu 佐zuo 左zuo
采cai 蔡cai 茨ci 慈ci 次ci 崔cui 措cuo
萨sa 撒sa 塞sai 赛sai 桑sang 瑟se 森sen 斯si 思si 司si 丝si 松song 宋song 苏su 素su 索suo 锁suo 孙sun`;

/**
 * Chinese words that translate English words of company names, as the press writes them (after foldName: Taiwanese and
 * Hong Kong words folded to the mainland ones), each with the English words it stands for; the first is its reading.
 */
const WORDS: [string, string[]][] = [
  ['系统', ['systems', 'system']],
  ['技术', ['technologies', 'technology', 'tech']],
  ['科技', ['technologies', 'technology', 'tech']],
  ['防务', ['defense']],
  ['国防', ['defense']],
  ['航空航天', ['aerospace']],
  ['航空', ['aeronautics', 'aeronautical', 'aerial', 'aviation', 'aero', 'air']],
  ['航天', ['aerospace', 'space']],
  ['宇航', ['aerospace', 'space']],
  ['导弹', ['missiles', 'missile']],
  ['全球', ['global']],
  ['国际', ['international']],
  ['实验室', ['laboratories', 'laboratory', 'labs', 'lab']],
  ['工业', ['industries', 'industrial']],
  ['电子', ['electronics']],
  ['通信', ['communications']],
  ['先进', ['advanced']],
  ['研究', ['research']],
  ['材料', ['materials']],
  ['解决方案', ['solutions']],
  ['服务', ['services']],
  ['动力', ['dynamics']],
  ['通用', ['general']],
  ['运营', ['operations']],
  ['海洋', ['maritime', 'marine', 'ocean']],
  ['战术', ['tactical']],
  ['情报', ['intelligence']],
  ['安全', ['security']],
  ['工程', ['engineering']],
  ['应用', ['applied']],
  ['分析', ['analytics']],
  ['风险投资', ['ventures']],
  ['卡车', ['trucks']],
  ['陆军', ['army']],
];
/**
 * Countries the press writes before a foreign company's name (美国艾尔比特, 捷克奥姆尼波尔公司, 比利时FN赫斯塔尔公司) and
 * MOFCOM inside it (埃比特系统美国分公司): words a name may leave out, or match a listed word by (Korea, America). 美商
 * folds to 美国.
 */
const COUNTRIES: [string, string[]][] = [
  ['美国', ['america', 'usa']],
  ['韩国', ['korea']],
  ['捷克', ['czech']],
  ['比利时', ['belgium']],
  ['德国', ['germany']],
  ['法国', ['france']],
  ['英国', ['uk']],
  ['意大利', ['italy']],
  ['以色列', ['israel']],
  ['波兰', ['poland']],
  ['立陶宛', ['lithuania']],
  ['保加利亚', ['bulgaria']],
  ['瑞典', ['sweden']],
  ['荷兰', ['netherlands']],
  ['加拿大', ['canada']],
  ['澳大利亚', ['australia']],
];
/** "And" between words, which says nothing of the name (the dot between transliterated words is folded away). */
const HAN_STOPWORDS = new Set(['与', '和', '及']);

const HAN = /\p{Script=Han}/u;
const LATIN_OR_NOT = /[a-z0-9]+|[^a-z0-9]+/g;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** Chinese legal forms, longest first (株式会社 and the Japanese forms are not read here: a name with kana is not). */
const HAN_LEGAL_FORMS = /股份有限公司|有限责任公司|有限公司|分公司|公司|集团/gu;
const HOLDINGS = '控股';

interface Word {
  han: string;
  english: string[];
  country: boolean;
}

let table: Map<string, string> | undefined;
let words: Map<string, Word> | undefined;
let longestWord = 0;

function readings(): Map<string, string> {
  if (table) return table;
  table = new Map();
  for (const entry of PINYIN.trim().split(/\s+/)) {
    const [han, pinyin] = [entry.slice(0, 1), entry.slice(1)];
    table.set(foldName(han), pinyin);
  }
  const word = (country: boolean) => ([written, english]: [string, string[]]): [string, Word] => {
    const han = foldName(written);
    return [han, { han, english, country }];
  };
  words = new Map([...WORDS.map(word(false)), ...COUNTRIES.map(word(true))]);
  longestWord = Math.max(...[...words.keys()].map((w) => w.length));
  return table;
}

/** Pinyin written with the letters English names use for the same sounds. */
function englishSpelling(pinyin: string): string {
  if (pinyin === 'er') return 'r';
  return pinyin
    .replace(/ng$/, 'n')
    .replace(/^zh/, 'j')
    .replace(/^x/, 's')
    .replace(/^q/, 'ch')
    .replace(/^c(?!h)/, 's')
    .replace(/^hu(?=[aeo])/, 'hw')
    .replace(/^wu/, 'u')
    .replace(/^yi/, 'i')
    .replace(/v/, 'u');
}

/** A token read from a run of transliteration characters. */
function soundToken(pinyin: string[]): SoundToken {
  const spelling = pinyin.map(englishSpelling).join('');
  return { key: chineseKey(romajiKey(spelling)), alternatives: [], stop: false, reading: pinyin.join('') };
}

function wordToken(english: string[], stop = false): SoundToken {
  const [key, ...alternatives] = english.map((w) => chineseKey(latinKey(w)));
  return { key: key!, alternatives, stop, reading: english[0]! };
}

/**
 * A name written in Chinese transliteration characters, as a sound query; undefined where it has another
 * Chinese character, kana, or too few transliteration characters to be read.
 */
export function hanSoundQuery(raw: string): SoundQuery | undefined {
  let s = foldName(raw.normalize('NFKC').replace(TRAILING_REMARK, ' '));
  if (!HAN.test(s) || KANA.test(s)) return undefined;
  const pinyinOf = readings();
  let legal = false;
  s = s.replace(HAN_LEGAL_FORMS, () => {
    legal = true;
    return ' ';
  });
  const holding = s.includes(HOLDINGS);
  s = s.replaceAll(HOLDINGS, ' ');
  const tokens: SoundToken[] = [];
  let transliterated = 0;
  let translated = 0;
  let latin = 0;
  // Latin words written into the name (特利丹FLIR) are read as a Latin name's are
  for (const part of s.split(SEPARATORS).flatMap((p) => p.match(LATIN_OR_NOT) ?? [])) {
    if (/^[a-z0-9]+$/.test(part)) {
      if (isLatinLegalForm(part)) legal = true;
      else {
        tokens.push(wordToken([part]));
        latin++;
      }
      continue;
    }
    let pinyin: string[] = [];
    const endRun = (): void => {
      if (pinyin.length > 0) tokens.push(soundToken(pinyin));
      pinyin = [];
    };
    for (let i = 0; i < part.length; ) {
      const word = wordAt(part, i);
      if (word) {
        endRun();
        tokens.push(wordToken(word.english, word.country));
        if (!word.country) translated++;
        i += word.han.length;
        continue;
      }
      const c = part[i]!;
      if (HAN_STOPWORDS.has(c)) {
        endRun();
        i++;
        continue;
      }
      const p = pinyinOf.get(c);
      if (p === undefined) return undefined;
      pinyin.push(p);
      transliterated++;
      i++;
    }
    endRun();
  }
  // three sounds, or two beside a translated word, or Latin letters beside one (MP材料公司 for MP Materials)
  if (transliterated < 3 && !(transliterated === 2 && translated > 0) && !(latin > 0 && translated > 0)) return undefined;
  // a company's name: a place written in the same characters (吉隆坡, 休斯顿) is not one
  if (!legal && translated === 0) return undefined;
  // the press writes the country first (美国艾尔比特系统公司), MOFCOM and the company last (Elbit Systems of America)
  while (tokens[0]?.stop && tokens.some((t) => !t.stop)) tokens.push(tokens.shift()!);
  return { tokens, legal, holding, chinese: true, reading: tokens.map((t) => t.reading).join(' ') };
}

/** The longest translating word or country at `i`. */
function wordAt(s: string, i: number): Word | undefined {
  for (let n = Math.min(longestWord, s.length - i); n >= 2; n--) {
    const han = s.slice(i, i + n);
    const word = words!.get(han);
    if (word) return word;
  }
  return undefined;
}
