import { describe, expect, it } from 'vitest';
import { foldText } from '../../src/match/fold.js';
import { gritNumberOnly, meets, statedQuantities, statesOnlyWithin } from '../../src/match/quantities.js';

const stated = (text: string) => statedQuantities(foldText(text)).map((q) => [q.unit, q.value]);

describe('statedQuantities', () => {
  it('reads a number right before its unit, in the unit the thresholds use', () => {
    expect(stated('Li-ion cell 21700, 320 Wh/kg, 5000mAh')).toEqual([['Wh/kg', 320]]);
    expect(stated('High-speed camera, 1,000,000 fps')).toEqual([['fps', 1_000_000]]);
    expect(stated('camera 10 kfps')).toEqual([['fps', 10_000]]);
    expect(stated('Inverter, output 2kHz')).toEqual([['Hz', 2000]]);
    expect(stated('HV power supply 30 kV 1.5 A')).toEqual([['V', 30_000], ['A', 1.5]]);
    expect(stated('Turbomolecular pump 20,000 L/s')).toEqual([['m3/s', 20]]);
    expect(stated('Pump 54000 m³/h')).toEqual([['m3/s', 15]]);
  });

  it('reads a decimal comma as continental and Vietnamese paperwork writes it; thousands and lists stay as they were', () => {
    expect(stated('Bột molypden Mo 99,95%, xuất xứ Trung Quốc')).toEqual([['%', 99.95]]);
    expect(stated('Germanium-Barren, Reinheit 99,999 %')).toEqual([['%', 99.999]]);
    expect(stated('Wolframdraht Ø 3,5 mm')).toEqual([['µm', 3500]]);
    expect(stated('Turbomolecular pump 20,000 L/s')).toEqual([['m3/s', 20]]);
    // a list of sizes is no decimal: the last one is the size read
    expect(stated('Dowel pins Ø 10,12,16 mm')).toEqual([['µm', 16_000]]);
  });

  it('a heat-transfer area in m², ㎡ or 平方米; a specific surface area (m2/g) is none', () => {
    expect(stated('Plate heat exchanger, area 45 m²')).toEqual([['m2', 45]]);
    expect(stated('换热面积 30平方米')).toEqual([['m2', 30]]);
    expect(stated('伝熱面積 8㎡')).toEqual([['m2', 8]]);
    expect(stated('Activated carbon, BET 1000 m2/g')).toEqual([]);
    expect(stated('Copper wire 2.5 mm2')[0]?.[1]).toBeCloseTo(2.5e-6, 12);
  });

  it('reads scientific notation as one number: "1×10^6Gy" is no 6 Gy, "5×10⁴Gy" no 104 Gy', () => {
    expect(stated('摄像机 抗辐射型 总剂量1×10^6Gy')).toEqual([['Gy', 1e6]]);
    expect(stated('抗辐射电视摄像机 总剂量大于5×10⁴Gy')).toEqual([['Gy', 5e4]]);
    expect(stated('Radiation-tolerant camera module, 1E5 rad(Si) total dose')).toEqual([['Gy', 1000]]);
    expect(stated('Sealed source 3.7 x 10^9 Bq')).toEqual([['Bq', 3.7e9]]);
    // without a caret a power of ten is read only before a dose or an activity: "2×104 mm" is a product of sizes, no value
    expect(stated('Plate 2×104 mm')).toEqual([]);
  });

  it('reads imperial and other trade units in the units the thresholds use', () => {
    const near = (text: string) => stated(text).map(([unit, value]) => [unit, Number((value as number).toPrecision(4))]);
    expect(near('Electrodynamic shaker, sine force 11,000 lbf')).toEqual([['N', 48930]]);
    expect(near('Shaker 5000 kgf')).toEqual([['N', 49030]]);
    // a gallon is read as the imperial one, the larger, unless it says US
    expect(near('グラスライニング反応槽　容量２０ガロン')).toEqual([['L', 90.92]]);
    expect(near('Reactor 20 US gal')).toEqual([['L', 75.71]]);
    expect(near('Hopper 35,000 cu.ft')).toEqual([['L', 991100]]);
    expect(near('斗容5立方码')).toEqual([['L', 3823]]);
    expect(near('Plate heat exchanger, 1.2 ft² heat transfer area')).toEqual([['m2', 0.1115]]);
    expect(near('Centrifuge 25 gal/h')).toEqual([['m3/s', 0.00003157]]);
    expect(near('Separator 80 L/h')).toEqual([['m3/s', 0.00002222]]);
    // a gyro's °/s is its measuring range, not its drift: not read
    expect(near('陀螺仪 量程±400°/s')).toEqual([]);
  });

  it('of a range the upper end; Chinese frames per second with the number between its words', () => {
    expect(stated('变频器 0-1500Hz 三相')).toEqual([['Hz', 1500]]);
    expect(stated('高速摄像机 每秒250000帧')).toEqual([['fps', 250_000]]);
  });

  it('numbers written in ten-thousands (万, 萬, 亿, 億)', () => {
    expect(stated('高速摄像机 每秒100万帧')).toEqual([['fps', 1_000_000]]);
    expect(stated('ハイスピードカメラ 最大100万コマ/秒')).toEqual([['fps', 1_000_000]]);
    expect(stated('高速攝影機 每秒25萬幀')).toEqual([['fps', 250_000]]);
    expect(stated('涡轮分子泵 5.4万m3/h')).toEqual([['m3/s', 15]]);
  });

  it('numbers written in millions', () => {
    expect(stated('Framing camera 1 million fps')).toEqual([['fps', 1_000_000]]);
    expect(stated('high speed camera, 2.5 million frames per second')).toEqual([['fps', 2_500_000]]);
    expect(stated('budget USD 1 million, camera 1000 fps')).toEqual([['fps', 1000]]);
  });

  it('not a unit inside a longer one, nor a number without its unit', () => {
    expect(stated('12V 100Ah battery')).toEqual([['V', 12]]);
    expect(stated('5000 mAh power bank, USB-C')).toEqual([]);
    expect(stated('Model 1000, 600 series')).toEqual([]);
    // thousands grouped with a space: the tail alone is no value (the number is not read)
    expect(stated('Frequency changer, 3-phase, 1 000 Hz')).toEqual([]);
    expect(stated('Triggered spark gap GP3A, per 3A228.b, type K5V')).toEqual([]);
    expect(stated('直流电源 DC300V 600A, AC220V')).toEqual([['V', 300], ['A', 600], ['V', 220]]);
  });

  it('activity, power and volume, the units of the entries that exclude goods below a threshold', () => {
    expect(stated('除電ブラシ（ポロニウム２１０線源内蔵）　放射能１８．５ＭＢｑ')).toEqual([['Bq', 18_500_000]]);
    expect(stated('Am-Be neutron source 5 Ci, sealed')).toEqual([['Bq', 1.85e11]]);
    expect(stated('Inverter 7.5 kW, fermenter 30L, vials 1.5ML, 发酵罐 500升')).toEqual([['W', 7500], ['L', 30], ['L', 0.0015], ['L', 500]]);
    expect(stated('Two-stroke UAV engine 20 hp; 重油发动机 45马力; 水平対向エンジン 100馬力; laser 10 ps')).toEqual([['W', 14_914], ['W', 33_097.5], ['W', 73_550]]);
    expect(stated('PMT rise time 2.5 ns; 上升时间 0.7纳秒; 陽極遅延 10μs')).toEqual([['ns', 2.5], ['ns', 0.7], ['ns', 10_000]]);
  });

  it('forces and volumes, for shakers, crucibles and chambers; a length is its own unit, never a volume', () => {
    expect(stated('振動試験機　加振力１０ｋＮ, shaker 200 N')).toEqual([['N', 10_000], ['N', 200]]);
    expect(stated('Crucible 500 cm³, bore 20 mm')).toEqual([['L', 0.5], ['µm', 20_000]]);
    expect(stated('Exposure chamber 2 m³, 1.5立方米, fan 20 m3/h')).toEqual([['L', 2000], ['L', 1500], ['m3/s', 20 / 3600]]);
  });

  it('not the unit of a ratio: a concentration is no activity, volts per division no voltage', () => {
    expect(stated('Po-210 solution 1 GBq/g')).toEqual([]);
    expect(stated('oscilloscope probe 5 V/div')).toEqual([]);
    expect(stated('DC PSU 120V/600A')).toEqual([['V', 120], ['A', 600]]);
    expect(stated('LAB GLASS REACTOR,5L,JACKETED')).toEqual([['L', 5]]);
    expect(stated('PUMP 1,500 L/S')).toEqual([['m3/s', 1.5]]);
    // a comma between digits that is no thousands separator: two values, the second with its unit
    expect(stated('TURBOMOLECULAR PUMP DN400,20000 L/S')).toEqual([['m3/s', 20]]);
    // an alloy's composition, element by element, is no ratio; a rate per minute is
    expect(stated('ベリリウムアルミ合金 Be62%/Al38%, W90%/Ni7%/Fe3%')).toEqual([['%', 62], ['%', 38], ['%', 90], ['%', 7], ['%', 3]]);
    expect(stated('drift 0.05 %/min')).toEqual([]);
  });
  it('purities and contents, with N-grades read as nines; a tolerance is no value', () => {
    expect(stated('Sb2O3 99.5%, Pb 0.05%')).toEqual([['%', 99.5], ['%', 0.05]]);
    expect(stated('三氧化二锑|纯度≥99.995%|4N5')).toEqual([['%', 99.995], ['%', 99.995]]);
    expect(stated('Germanium ingot 5N, ＴＭＳｂ　純度６Ｎ')).toEqual([['%', 99.999], ['%', 99.9999]]);
    expect(stated('タングステン銅合金　Ｗ８５％　Ｃｕ１５％, 钨含量90%')).toEqual([['%', 85], ['%', 15], ['%', 90]]);
    expect(stated('SB2O3 99.8PCT MIN, resistor ±5%, shaft +/-2 µm')).toEqual([['%', 99.8]]);
    // a digit and N after letters is a code (M6N), and a lone 5N no force: the newton needs a space or a decimal
    expect(stated('bolt M6N, spring 5 N')).toEqual([['N', 5]]);
  });

  it('strengths and pressures in MPa, densities in g/cm3, as mill certificates write them', () => {
    expect(stated('Rm 2000 N/mm2, ２０００Ｎ／ｍｍ２, UTS 2.4 GPA, 1.2 MPa, 150 psi')).toEqual([
      ['MPa', 2000], ['MPa', 2000], ['MPa', 2400], ['MPa', 1.2], ['MPa', 1.034214],
    ]);
    expect(stated('viscosity 500 mPa·s, 10 bar')).toEqual([['MPa', 1]]);
    // a steel's grade, then the bar it is made into, is no pressure; a pump's rating is
    expect(stated('MARAGING 350 BAR, 马氏体时效钢 350 bar')).toEqual([]);
    expect(stated('Hydraulic pump 350 bar')).toEqual([['MPa', 35]]);
    expect(stated('Cubic press 45 kbar')).toEqual([['MPa', 4500]]);
    expect(stated('マルエージング鋼　引張強さ１８５ｋｇｆ／ｍｍ２')[0]?.[1]).toBeCloseTo(1814.23, 2);
    expect(stated('bulk density 1.85 g/cm3, １．７０ｇ／ｃｍ３, 16.9 g/cc, 2700 kg/m3')).toEqual([
      ['g/cm3', 1.85], ['g/cm3', 1.7], ['g/cm3', 16.9], ['g/cm3', 2.7],
    ]);
  });

  it('sizes in µm, with the lower end of a range or of an upper limit kept; no nm (N·m folds alike)', () => {
    const sizes = (text: string) => statedQuantities(foldText(text)).map((q) => [q.value, q.low]);
    expect(sizes('Mo powder 75-150 µm')).toEqual([[150, 75]]);
    expect(sizes('粒径１００～２００μｍ')).toEqual([[200, 100]]);
    expect(sizes('Ni powder ≤ 45 µm, D50 15 um')).toEqual([[45, 0], [15, undefined]]);
    expect(sizes('window 4 inch, 3インチ, foil 0.05 mm, range 8 km')).toEqual([[101_600, undefined], [76_200, undefined], [50, undefined], [8e9, undefined]]);
    expect(stated('motor 50 Nm, lead glass 2.0 mmPb')).toEqual([]);
  });

  it("a fibre's tenacity, an absorbed dose and a gyro's drift", () => {
    expect(stated('UHMWPE 42 cN/dtex, 30 g/d')).toEqual([['cN/dtex', 42], ['cN/dtex', 26.478]]);
    expect(stated('rad-hard 100 krad(Si), 1 kGy, divergence 0.3 mrad')).toEqual([['Gy', 1000], ['Gy', 1000]]);
    expect(stated('FOG 0.01°/h, 0.02 deg/hr, 0.5 rad/s')).toEqual([['deg/h', 0.01], ['deg/h', 0.02]]);
    expect(stated('MEMS gyroscope 0.3dph, FOG bias 0.05 dph')).toEqual([['deg/h', 0.3], ['deg/h', 0.05]]);
  });
});

describe('capacitances and named diameters (round r18a)', () => {
  it('a capacitance in µF, uF, nF and pF; no bare F (a temperature, a model code) and no mF', () => {
    expect(stated('高压脉冲电容器 10kV 0.1μF')).toEqual([['V', 10_000], ['F', 1e-7]]);
    expect(stated('CAP PULSE DISCH 100KV 0.5UF LOW-L')).toEqual([['V', 100_000], ['F', 5e-7]]);
    const rounded = statedQuantities(foldText('film capacitor 470 nF 630 V, 2200 pF snubber')).map((q) => [q.unit, Number(q.value.toPrecision(6))]);
    expect(rounded).toEqual([['F', 4.7e-7], ['V', 630], ['F', 2.2e-9]]);
    expect(stated('Supercapacitor module 48 V 165 F, storage at 140 F')).toEqual([['V', 48]]);
  });

  it('a mesh size is a particle size by the US sieve series: two sieves a range, one alone what passes it', () => {
    const sizes = (text: string) => statedQuantities(foldText(text)).map((q) => [q.low, q.value, q.label]);
    expect(sizes('メタルボンド用ダイヤモンド砥粒　２０／２５メッシュ')).toEqual([[710, 850, 'particle']]);
    expect(sizes('金刚石单晶 40/50目')).toEqual([[300, 425, 'particle']]);
    expect(sizes('tungsten powder -325 mesh')).toEqual([[0, 45, 'particle']]);
    expect(sizes('Mo powder -100+200 mesh')).toEqual([[75, 150, 'particle']]);
    // a size in µm beside the mesh is read instead
    expect(sizes('Molybdenum powder, -100 mesh (150 um)')).toEqual([[undefined, 150, 'particle']]);
    expect(sizes('金刚石磨粒 20/25目 (710-850μm) 锯切级')).toEqual([[710, 850, 'particle']]);
    // a grit number of a grading scale, a number no sieve has, or a year is no mesh size
    expect(sizes('SiC #400')).toEqual([]);
    expect(sizes('diamond grit 33/37 mesh')).toEqual([]);
    expect(sizes('2024 mesh fence')).toEqual([]);
  });

  it('a size written as a diameter or an inside diameter carries that label; one written otherwise carries none', () => {
    const labelled = (text: string) => statedQuantities(foldText(text)).map((q) => [q.value, q.label]);
    expect(labelled('TC4钛合金基台棒料 直径10mm')).toEqual([[10_000, 'diameter']]);
    expect(labelled('Titanium alloy bar OD 60 mm x 1000 mm')).toEqual([[60_000, 'diameter'], [1_000_000, undefined]]);
    expect(labelled('TC4钛合金棒 Φ50mm 长300mm')).toEqual([[50_000, 'diameter'], [300_000, undefined]]);
    expect(labelled('Titanium bar dia. 120 mm, Ø 100 mm')).toEqual([[120_000, 'diameter'], [100_000, 'diameter']]);
    expect(labelled('实验型冷等静压机 缸体内径100mm 300MPa')).toEqual([[100_000, 'inside-diameter'], [300, undefined]]);
    expect(labelled('HIP unit, chamber inner diameter 400 mm')).toEqual([[400_000, 'inside-diameter']]);
    expect(labelled('冷等静压机 实验型 | 工作缸内径Φ100mm | 200MPa')).toEqual([[100_000, 'inside-diameter'], [200, undefined]]);
    expect(labelled('Tube ID 50 mm, O.D. 80 mm')).toEqual([[50_000, 'inside-diameter'], [80_000, 'diameter']]);
    // the letters after the size, as English specifications also write it
    expect(labelled('Cold isostatic press, chamber 50 mm ID x 150 mm')).toEqual([[50_000, 'inside-diameter'], [150_000, undefined]]);
    expect(labelled('Tube 25 mm OD, 2 mm wall')).toEqual([[25_000, 'diameter'], [2000, undefined]]);
    // a bore is an inside diameter, written before or after the size
    expect(labelled('Superconducting magnet 9 T, 2 in cold bore')).toEqual([[50_800, 'inside-diameter']]);
    expect(labelled('Cubic press, bore 420 mm')).toEqual([[420_000, 'inside-diameter']]);
    // a machine tool's positioning accuracy, not its swing or its repeatability
    expect(labelled('CNC lathe, positioning accuracy 0.010 mm, swing 360 mm')).toEqual([[10, 'positioning-accuracy'], [360_000, undefined]]);
    expect(labelled('数控车床 定位精度0.012mm 重复定位精度0.005mm')).toEqual([[12, 'positioning-accuracy'], [5, undefined]]);
    expect(labelled('ＮＣ旋盤　位置決め精度０．０１５ｍｍ')).toEqual([[15, 'positioning-accuracy']]);
    expect(labelled('NC旋盤 繰り返し位置決め精度0.008mm')).toEqual([[8, undefined]]);
    expect(labelled('lathe, repeat positioning accuracy 0.008 mm')).toEqual([[8, undefined]]);
    expect(labelled('Turning centre, pos. accuracy: 4 µm')).toEqual([[4, 'positioning-accuracy']]);
    // "accuracy" left out, as purchase orders shorten it; not a repositioning stroke or a repeat
    expect(labelled('CNC内面研削盤 位置決め 0.001mm')).toEqual([[1, 'positioning-accuracy']]);
    expect(labelled('CNC lathe, positioning 0.004 mm')).toEqual([[4, 'positioning-accuracy']]);
    expect(labelled('数控磨床 重复定位 0.002mm')).toEqual([[2, undefined]]);
    expect(labelled('repositioning 0.5 mm')).toEqual([[500, undefined]]);
    // "in" is an inch only where the size is written as a diameter
    expect(labelled('Aluminum 7075-T6 round bar, 2.5 in dia, 12 ft lengths')).toEqual([[63_500, 'diameter']]);
    expect(labelled('7075-T6 drawn tube, OD 2.75 in x 0.125 in wall')).toEqual([[69_850, 'diameter']]);
    expect(labelled('5 in 1 screwdriver set, 2 in 1 cable')).toEqual([]);
    // bare metres only as a dredger's dredging depth: its length and a cable's are no size read; its powers by what they drive
    expect(labelled('Cutter suction dredger, cutter 110 kW, dredging depth 8 m, length 40 m, total installed power 450 kW')).toEqual([
      [110_000, 'cutter-power'],
      [8_000_000, 'dredging-depth'],
      [450_000, 'installed-power'],
    ]);
    expect(labelled('CSD, cutter power 90 kW, total installed 450 kW')).toEqual([[90_000, 'cutter-power'], [450_000, 'installed-power']]);
    expect(labelled('绞吸式挖泥船 绞刀功率200kW 总装机功率480kW 主机功率300kW')).toEqual([[200_000, 'cutter-power'], [480_000, 'installed-power'], [300_000, undefined]]);
    expect(labelled('抓斗挖泥船 抓斗容量2立方米 挖深10米')).toEqual([[2000, undefined], [10_000_000, 'dredging-depth']]);
    expect(labelled('グラブ浚渫船 浚渫深度 9m、全長35メートル')).toEqual([[9_000_000, 'dredging-depth']]);
    expect(labelled('Extension cable 10 m, 5 m hose, 2 min cycle')).toEqual([]);
    // a grit's size past its mesh number and a range's lower end; a reactor's stage is no grit
    expect(labelled('Synthetic diamond grit 20/25 mesh (710-850 um), saw grade')).toEqual([[850, 'particle']]);
    expect(labelled('Molybdenum powder, particle size 45-106 µm')).toEqual([[106, 'particle']]);
    expect(labelled('MPCVD reactor, single-crystal diamond deposition, substrate stage 2 inch')).toEqual([[50_800, undefined]]);
    // a particle size (粒径) is no diameter but a particle size; a grid, a period and a medium name neither; "φ98×14mm" reads no value at all
    expect(labelled('TC4粉末 粒径 45μm, grid 100 mm, period 5 mm, media 3 mm')).toEqual([[45, 'particle'], [100_000, undefined], [5000, undefined], [3000, undefined]]);
    // a grit, with its grade number between the word and the size, and a D50
    expect(labelled('ダイヤモンド砥石　粒度#140（106µm）　レジンボンド')).toEqual([[106, 'particle']]);
    expect(labelled('Diamond grinding wheel 150 x 20 mm, grit size 3 µm')).toEqual([[20_000, undefined], [3, 'particle']]);
    expect(labelled('Alumina powder D50 1.5 µm')).toEqual([[1.5, 'particle']]);
    expect(labelled('64チタン ディスク φ98×14mm')).toEqual([]);
  });

  it('a bound of a dimension counts only the sizes written as it', () => {
    const of = (text: string) => statedQuantities(foldText(text));
    const outside = { quantity: 'µm', atMost: 75_000, of: 'diameter' } as const;
    expect(statesOnlyWithin(of('TC4钛合金棒 Φ50mm 长300mm'), outside)).toBe(true);
    expect(statesOnlyWithin(of('Ti-6Al-4V bar OD 120 mm x 500 mm'), outside)).toBe(false);
    expect(statesOnlyWithin(of('Ti-6Al-4V plate 20 mm thick'), outside)).toBe(false);
    expect(statesOnlyWithin(of('Tube ID 50 mm, OD 80 mm'), outside)).toBe(false);
    const chamber = { quantity: 'µm', atMost: 152_000, of: 'inside-diameter' } as const;
    expect(statesOnlyWithin(of('冷等静压机 缸体内径100mm 300MPa'), chamber)).toBe(true);
    expect(statesOnlyWithin(of('Cold isostatic press, wall 100 mm, chamber ID 300 mm'), chamber)).toBe(false);
  });
});

describe('statesOnlyWithin', () => {
  const bound = { quantity: 'V', below: 20_000 } as const;
  const of = (text: string) => statedQuantities(foldText(text));

  it('every value the description states of the parameter lies below the threshold', () => {
    expect(statesOnlyWithin(of('Bench DC power supply 30 V 5 A'), bound)).toBe(true);
    expect(statesOnlyWithin(of('HV module 7 kV, input 12 V'), bound)).toBe(true);
  });

  it('says nothing of an upper bound where the value is written as a lower limit (超过30W, > 500 W, 500W以上, 30 W超, 40 W min)', () => {
    const w30 = { quantity: 'W', atMost: 30 } as const;
    expect(statesOnlyWithin(of('可调谐脉冲染料激光放大器 平均输出功率超过30W'), w30)).toBe(false);
    expect(statesOnlyWithin(of('dye laser amplifier, average power > 30 W'), w30)).toBe(false);
    expect(statesOnlyWithin(of('dye laser amplifier, average power above 30 W'), w30)).toBe(false);
    expect(statesOnlyWithin(of('色素レーザー増幅器 平均出力30 W超'), w30)).toBe(false);
    expect(statesOnlyWithin(of('dye laser 30 W min'), w30)).toBe(false);
    expect(statesOnlyWithin(of('准分子激光器 平均功率500W以上'), { quantity: 'W', atMost: 500 })).toBe(false);
    expect(statesOnlyWithin(of('紫翠玉激光器 重复率超过125Hz'), { quantity: 'Hz', atMost: 125 })).toBe(false);
    // Chinese frames per second, the limit word around the whole phrase (helper r18b)
    const fps = { quantity: 'fps', atMost: 225_000 } as const;
    expect(statesOnlyWithin(of('分幅相机 每秒225000帧以上'), fps)).toBe(false);
    expect(statesOnlyWithin(of('超高速相机 超过每秒200000帧'), fps)).toBe(false);
    expect(statesOnlyWithin(of('超高速相机 最大每秒2000帧'), fps)).toBe(true);
    expect(statesOnlyWithin(of('4K超高速摄影机 每秒2000帧 体育转播'), fps)).toBe(true);
    // a purity written as its minimum is its grade, no lower limit
    expect(statesOnlyWithin(of('三氧化二锑 含量≥99.8% 阻燃剂'), { quantity: '%', below: 99.99 })).toBe(true);
    // an upper limit stays one (不大于 holds 大于), and a plain value at the bound still lies within it
    expect(statesOnlyWithin(of('染料激光器 平均功率不大于30W'), w30)).toBe(true);
    expect(statesOnlyWithin(of('dye laser 30 W'), w30)).toBe(true);
    expect(statesOnlyWithin(of('turnover 30 W'), w30)).toBe(true);
    // a lower bound is met by a lower limit past it
    expect(statesOnlyWithin(of('Mo powder above 75 µm'), { quantity: 'µm', above: 50 })).toBe(true);
  });

  it('says nothing where one value is past it, at it, or the parameter is not stated', () => {
    expect(statesOnlyWithin(of('HV supply, input 220 V, output 30 kV'), bound)).toBe(false);
    expect(statesOnlyWithin(of('HV supply 20 kV'), bound)).toBe(false);
    expect(statesOnlyWithin(of('HV supply, 8 h stability 0.01%'), bound)).toBe(false);
    expect(statesOnlyWithin(of('HV supply 1.5 A'), bound)).toBe(false);
  });

  it('a value on the supply side is not the rating: a supply whose output is not stated says nothing', () => {
    expect(statesOnlyWithin(of('HV power supply, input 220 V'), bound)).toBe(false);
    expect(statesOnlyWithin(of('高压电源 输入AC220V'), bound)).toBe(false);
    expect(statesOnlyWithin(of('高電圧電源 入力 100V'), bound)).toBe(false);
    expect(statesOnlyWithin(of('HV power supply AC220V in, 5 kV out'), bound)).toBe(true);
  });

  it('above a bound the whole range counts: a thermal-spray powder of 75-150 µm, not one of 45-106 µm or of at most 75 µm', () => {
    const coarse = { quantity: 'µm', above: 50 } as const;
    expect(statesOnlyWithin(of('Mo powder 75-150 µm'), coarse)).toBe(true);
    expect(statesOnlyWithin(of('Mo powder 45-106 µm'), coarse)).toBe(false);
    expect(statesOnlyWithin(of('Mo powder ≤ 75 µm'), coarse)).toBe(false);
  });

  it('a purity among impurity contents: only values from valuesFrom up are the parameter', () => {
    const purity = { quantity: '%', below: 99.99, valuesFrom: 90 } as const;
    expect(statesOnlyWithin(of('Sb2O3 99.5%, Pb 0.05%'), purity)).toBe(true);
    expect(statesOnlyWithin(of('Sb2O3 4N5, As 0.5 ppm'), purity)).toBe(false);
    expect(statesOnlyWithin(of('Sb2O3, Pb 0.05%'), purity)).toBe(false);
  });

  it('reads an ash content as the purity it leaves: a typical ash clears a purity bound, a maximum ash does not', () => {
    const purity = { quantity: '%' as const, atMost: 99.9, valuesFrom: 90 };
    expect(statesOnlyWithin(of('Isostatic graphite block, ash 0.15 %, density 1.78 g/cm3'), purity)).toBe(true);
    expect(statesOnlyWithin(of('等静压石墨 灰分0.2%'), purity)).toBe(true);
    // at most 0.05 % ash is at least 99.95 % carbon: the purity may lie past the bound
    expect(statesOnlyWithin(of('等静压石墨 灰分≤0.05%'), purity)).toBe(false);
    expect(statesOnlyWithin(of('graphite, ash (max) 0.15 %'), purity)).toBe(false);
    expect(statesOnlyWithin(of('graphite, ash 0.05-0.15 %'), purity)).toBe(false);
    expect(statesOnlyWithin(of('graphite, ash 0.12-0.2 %'), purity)).toBe(true);
    // not an ash: a word that ends in the letters
    expect(stated('flash point 5 %')).toEqual([['%', 5]]);
  });

  it('reads data rates in bits, never a rate in bytes (Gb/s and GB/s fold alike)', () => {
    expect(stated('VPN gateway, 1 Gbps IPsec throughput')).toEqual([['bit/s', 1e9]]);
    expect(stated('加密吞吐 800Mbps')).toEqual([['bit/s', 8e8]]);
    expect(stated('link 2.5 Gbit/s')).toEqual([['bit/s', 2.5e9]]);
    expect(stated('interconnect 2.0 GB/s')).toEqual([]);
  });

  it('a bound of ranges only reads a range or an upper limit, never a lone value (a drive\'s mains frequency)', () => {
    const output = { quantity: 'Hz' as const, below: 600, rangesOnly: true as const };
    expect(statesOnlyWithin(of('VFD 7.5 kW, output 0-400 Hz'), output)).toBe(true);
    expect(statesOnlyWithin(of('inverter, max 400 Hz'), output)).toBe(true);
    expect(statesOnlyWithin(of('变频器 输入380V 50Hz 输出0-400Hz'), output)).toBe(true);
    expect(statesOnlyWithin(of('中频变频电源 50Hz 100kW'), output)).toBe(false);
    expect(statesOnlyWithin(of('VFD 0-1000 Hz output'), output)).toBe(false);
  });

  it('reads the size of a chamber as its inside diameter, written before or after it', () => {
    const chamber = { quantity: 'µm' as const, atMost: 152000, of: 'inside-diameter' as const };
    expect(statesOnlyWithin(of('Cold isostatic press, laboratory, 50 mm chamber, 400 MPa'), chamber)).toBe(true);
    expect(statesOnlyWithin(of('isostatic press, chamber diameter 200 mm'), chamber)).toBe(false);
  });

  it('at most a threshold includes it', () => {
    expect(statesOnlyWithin(of('capacitor 750 V'), { quantity: 'V', atMost: 750 })).toBe(true);
    expect(statesOnlyWithin(of('capacitor 751 V'), { quantity: 'V', atMost: 750 })).toBe(false);
  });
});

describe('meets', () => {
  it('a lower limit at a greater-than threshold meets it (超过600Hz is more than 600 Hz); a plain value at it does not', () => {
    const [above] = statedQuantities(foldText('变频器 输出频率超过600Hz'));
    const [plain] = statedQuantities(foldText('变频器 输出频率600Hz'));
    expect(meets(above!, { quantity: 'Hz', above: 600 })).toBe(true);
    expect(meets(plain!, { quantity: 'Hz', above: 600 })).toBe(false);
    expect(meets(plain!, { quantity: 'Hz', atLeast: 600 })).toBe(true);
  });
});

describe('gritNumberOnly', () => {
  const grit = (text: string) => {
    const folded = foldText(text);
    return gritNumberOnly(folded, statedQuantities(folded));
  };

  it('finds a grit written as a grading number, in English, Chinese and Japanese invoice forms', () => {
    expect(grit('樹脂ボンドダイヤモンドホイール #3000 外径150mm')).toBe('#3000');
    expect(grit('Diamond grinding wheel 1A1 150x20 mm, 3000 grit')).toBe('3000 grit');
    expect(grit('金刚石砂轮 树脂结合剂 粒度 1500')).toBe(foldText('粒度 1500'));
    expect(grit('金刚石微粉 8000目')).toBe(foldText('8000目'));
    expect(grit('ダイヤモンド砥石 3000番')).toBe(foldText('3000番'));
  });

  it('none where a particle size is stated beside it, or no grading number at all', () => {
    expect(grit('ダイヤモンド砥石　粒度#140（106µm）')).toBeUndefined();
    expect(grit('Diamond micropowder 0-2 µm, #8000')).toBeUndefined();
    expect(grit('Diamond grinding wheel 150 x 20 mm')).toBeUndefined();
  });
});
