/**
 * Country names as written in manifests → ISO 3166-1 alpha-2.
 *
 * One row per ISO country: [alpha-2, alpha-3, English short name (used in reports), ...other names].
 * Other names are English variants and, for the main trading partners and the sanctioned or
 * sensitive destinations, Chinese (simplified and traditional) and Japanese names. The CLDR names
 * built into Node's ICU (English, Chinese, Japanese) are added on top for every country, but never
 * override a name in this table.
 */
type Row = readonly [alpha2: string, alpha3: string, name: string, ...aliases: string[]];

const COUNTRIES: readonly Row[] = [
  ['AD', 'AND', 'Andorra', '安道尔', 'アンドラ'],
  ['AE', 'ARE', 'United Arab Emirates', 'UAE', 'Emirates', '阿联酋', '阿拉伯联合酋长国', '阿聯酋', '阿拉伯聯合大公國', '阿拉伯聯合酋長國', 'アラブ首長国連邦'],
  ['AF', 'AFG', 'Afghanistan', '阿富汗', 'アフガニスタン'],
  ['AG', 'ATG', 'Antigua and Barbuda', 'Antigua'],
  ['AI', 'AIA', 'Anguilla'],
  ['AL', 'ALB', 'Albania', '阿尔巴尼亚', 'アルバニア'],
  ['AM', 'ARM', 'Armenia', '亚美尼亚', '亞美尼亞', 'アルメニア'],
  ['AO', 'AGO', 'Angola', '安哥拉', 'アンゴラ'],
  ['AQ', 'ATA', 'Antarctica'],
  ['AR', 'ARG', 'Argentina', 'Argentine Republic', '阿根廷', 'アルゼンチン'],
  ['AS', 'ASM', 'American Samoa'],
  ['AT', 'AUT', 'Austria', 'Österreich', '奥地利', '奧地利', 'オーストリア'],
  ['AU', 'AUS', 'Australia', '澳大利亚', '澳洲', '澳大利亞', 'オーストラリア', '豪州'],
  ['AW', 'ABW', 'Aruba'],
  ['AX', 'ALA', 'Åland Islands', 'Aland'],
  ['AZ', 'AZE', 'Azerbaijan', '阿塞拜疆', '亞塞拜然', 'アゼルバイジャン'],
  ['BA', 'BIH', 'Bosnia and Herzegovina', 'Bosnia', 'Bosnia-Herzegovina', '波黑', '波斯尼亚和黑塞哥维那', 'ボスニア・ヘルツェゴビナ'],
  ['BB', 'BRB', 'Barbados'],
  ['BD', 'BGD', 'Bangladesh', '孟加拉国', '孟加拉', '孟加拉國', 'バングラデシュ'],
  ['BE', 'BEL', 'Belgium', '比利时', '比利時', 'ベルギー'],
  ['BF', 'BFA', 'Burkina Faso', 'Burkina'],
  ['BG', 'BGR', 'Bulgaria', '保加利亚', '保加利亞', 'ブルガリア'],
  ['BH', 'BHR', 'Bahrain', '巴林', 'バーレーン'],
  ['BI', 'BDI', 'Burundi'],
  ['BJ', 'BEN', 'Benin'],
  ['BL', 'BLM', 'Saint Barthélemy', 'Saint Barts', 'Saint Barths'],
  ['BM', 'BMU', 'Bermuda'],
  ['BN', 'BRN', 'Brunei', 'Brunei Darussalam', '文莱', '汶萊', 'ブルネイ'],
  ['BO', 'BOL', 'Bolivia', '玻利维亚', 'ボリビア'],
  ['BQ', 'BES', 'Caribbean Netherlands', 'Bonaire, Sint Eustatius and Saba', 'Bonaire'],
  ['BR', 'BRA', 'Brazil', 'Brasil', '巴西', 'ブラジル'],
  ['BS', 'BHS', 'Bahamas'],
  ['BT', 'BTN', 'Bhutan'],
  ['BV', 'BVT', 'Bouvet Island'],
  ['BW', 'BWA', 'Botswana'],
  ['BY', 'BLR', 'Belarus', '白俄罗斯', '白俄羅斯', 'ベラルーシ'],
  ['BZ', 'BLZ', 'Belize'],
  ['CA', 'CAN', 'Canada', '加拿大', 'カナダ'],
  ['CC', 'CCK', 'Cocos (Keeling) Islands', 'Cocos Islands'],
  ['CD', 'COD', 'Democratic Republic of the Congo', 'DR Congo', 'DRC', 'Congo DR', 'Congo DRC', 'Congo-Kinshasa', 'Congo (Kinshasa)', 'Democratic Republic of Congo', 'Zaire', '刚果（金）', '刚果民主共和国', '剛果民主共和國', 'コンゴ民主共和国'],
  ['CF', 'CAF', 'Central African Republic', 'CAR', '中非', '中非共和国', '中非共和國', '中央アフリカ', '中央アフリカ共和国'],
  ['CG', 'COG', 'Republic of the Congo', 'Republic of Congo', 'Congo Republic', 'Congo-Brazzaville', 'Congo (Brazzaville)', '刚果（布）', '刚果共和国', '剛果共和國', 'コンゴ共和国'],
  ['CH', 'CHE', 'Switzerland', 'Swiss Confederation', 'Schweiz', 'Suisse', 'Svizzera', '瑞士', 'スイス'],
  ['CI', 'CIV', "Côte d'Ivoire", 'Ivory Coast', '科特迪瓦', '象牙海岸', 'コートジボワール'],
  ['CK', 'COK', 'Cook Islands'],
  ['CL', 'CHL', 'Chile', '智利', 'チリ'],
  ['CM', 'CMR', 'Cameroon', '喀麦隆', 'カメルーン'],
  // "China" is the PRC; the "Republic of China" is Taiwan (TW), and Hong Kong and Macao have their own codes.
  ['CN', 'CHN', 'China', "People's Republic of China", 'PRC', 'PR China', 'P.R.China', 'China PRC', 'Mainland China', 'China Mainland', 'China (Mainland)', 'Zhongguo',
    '中国', '中國', '中华人民共和国', '中華人民共和國', '中国大陆', '中國大陸', '中国内地', '中華人民共和国'],
  ['CO', 'COL', 'Colombia', '哥伦比亚', '哥倫比亞', 'コロンビア'],
  ['CR', 'CRI', 'Costa Rica', '哥斯达黎加', 'コスタリカ'],
  ['CU', 'CUB', 'Cuba', '古巴', 'キューバ'],
  ['CV', 'CPV', 'Cabo Verde', 'Cape Verde'],
  ['CW', 'CUW', 'Curaçao'],
  ['CX', 'CXR', 'Christmas Island'],
  ['CY', 'CYP', 'Cyprus', '塞浦路斯', 'キプロス'],
  ['CZ', 'CZE', 'Czechia', 'Czech Republic', 'Czech', 'Česko', '捷克', '捷克共和国', 'チェコ', 'チェコ共和国'],
  ['DE', 'DEU', 'Germany', 'Federal Republic of Germany', 'Deutschland', '德国', '德國', 'ドイツ'],
  ['DJ', 'DJI', 'Djibouti', '吉布提', 'ジブチ'],
  ['DK', 'DNK', 'Denmark', 'Danmark', '丹麦', '丹麥', 'デンマーク'],
  ['DM', 'DMA', 'Dominica'],
  ['DO', 'DOM', 'Dominican Republic', '多米尼加', 'ドミニカ共和国'],
  ['DZ', 'DZA', 'Algeria', '阿尔及利亚', '阿爾及利亞', 'アルジェリア'],
  ['EC', 'ECU', 'Ecuador', '厄瓜多尔', 'エクアドル'],
  ['EE', 'EST', 'Estonia', '爱沙尼亚', '愛沙尼亞', 'エストニア'],
  ['EG', 'EGY', 'Egypt', '埃及', 'エジプト'],
  ['EH', 'ESH', 'Western Sahara'],
  ['ER', 'ERI', 'Eritrea', '厄立特里亚', 'エリトリア'],
  ['ES', 'ESP', 'Spain', 'España', '西班牙', 'スペイン'],
  ['ET', 'ETH', 'Ethiopia', '埃塞俄比亚', 'エチオピア'],
  ['FI', 'FIN', 'Finland', 'Suomi', '芬兰', '芬蘭', 'フィンランド'],
  ['FJ', 'FJI', 'Fiji'],
  ['FK', 'FLK', 'Falkland Islands', 'Falklands', 'Falkland Islands (Malvinas)', 'Malvinas'],
  ['FM', 'FSM', 'Micronesia', 'Federated States of Micronesia'],
  ['FO', 'FRO', 'Faroe Islands', 'Faroes'],
  ['FR', 'FRA', 'France', 'French Republic', '法国', '法國', 'フランス'],
  ['GA', 'GAB', 'Gabon'],
  ['GB', 'GBR', 'United Kingdom', 'UK', 'U.K.', 'Great Britain', 'Britain', 'England', 'Scotland', 'Wales', 'Northern Ireland',
    'United Kingdom of Great Britain and Northern Ireland', '英国', '英國', '联合王国', 'イギリス', '連合王国', 'グレートブリテン'],
  ['GD', 'GRD', 'Grenada'],
  ['GE', 'GEO', 'Georgia', '格鲁吉亚', '喬治亞', 'ジョージア', 'グルジア'],
  ['GF', 'GUF', 'French Guiana'],
  ['GG', 'GGY', 'Guernsey'],
  ['GH', 'GHA', 'Ghana', '加纳', 'ガーナ'],
  ['GI', 'GIB', 'Gibraltar'],
  ['GL', 'GRL', 'Greenland'],
  ['GM', 'GMB', 'Gambia'],
  // Plain "Guinea" is the Republic of Guinea; the other Guineas always carry a qualifier.
  ['GN', 'GIN', 'Guinea', '几内亚', 'ギニア'],
  ['GP', 'GLP', 'Guadeloupe'],
  ['GQ', 'GNQ', 'Equatorial Guinea', '赤道几内亚', '赤道ギニア'],
  ['GR', 'GRC', 'Greece', 'Hellenic Republic', '希腊', '希臘', 'ギリシャ', 'ギリシア'],
  ['GS', 'SGS', 'South Georgia and the South Sandwich Islands'],
  ['GT', 'GTM', 'Guatemala', '危地马拉', 'グアテマラ'],
  ['GU', 'GUM', 'Guam'],
  ['GW', 'GNB', 'Guinea-Bissau', '几内亚比绍', 'ギニアビサウ'],
  ['GY', 'GUY', 'Guyana'],
  ['HK', 'HKG', 'Hong Kong', 'Hongkong', 'Hong Kong SAR', 'HKSAR', 'Hong Kong, China', 'Hong Kong SAR, China', 'Hong Kong SAR China', 'China, Hong Kong SAR', 'Hong Kong Special Administrative Region', 'Hong Kong Special Administrative Region of China',
    '香港', '中国香港', '中國香港', '香港特别行政区', '香港特別行政區', '中国香港特别行政区'],
  ['HM', 'HMD', 'Heard Island and McDonald Islands'],
  ['HN', 'HND', 'Honduras', '洪都拉斯', 'ホンジュラス'],
  ['HR', 'HRV', 'Croatia', 'Hrvatska', '克罗地亚', '克羅地亞', 'クロアチア'],
  ['HT', 'HTI', 'Haiti', '海地', 'ハイチ'],
  ['HU', 'HUN', 'Hungary', 'Magyarország', '匈牙利', 'ハンガリー'],
  ['ID', 'IDN', 'Indonesia', '印度尼西亚', '印尼', '印度尼西亞', 'インドネシア'],
  ['IE', 'IRL', 'Ireland', 'Eire', '爱尔兰', '愛爾蘭', 'アイルランド'],
  ['IL', 'ISR', 'Israel', '以色列', 'イスラエル'],
  ['IM', 'IMN', 'Isle of Man'],
  ['IN', 'IND', 'India', 'Bharat', '印度', 'インド'],
  ['IO', 'IOT', 'British Indian Ocean Territory'],
  ['IQ', 'IRQ', 'Iraq', '伊拉克', 'イラク'],
  ['IR', 'IRN', 'Iran', '伊朗', 'イラン', 'イラン・イスラム共和国'],
  ['IS', 'ISL', 'Iceland', '冰岛', '冰島', 'アイスランド'],
  ['IT', 'ITA', 'Italy', 'Italia', 'Italian Republic', '意大利', '義大利', 'イタリア'],
  ['JE', 'JEY', 'Jersey'],
  ['JM', 'JAM', 'Jamaica', '牙买加', 'ジャマイカ'],
  ['JO', 'JOR', 'Jordan', '约旦', '約旦', 'ヨルダン'],
  ['JP', 'JPN', 'Japan', 'Nippon', 'Nihon', '日本', '日本国', '日本國'],
  ['KE', 'KEN', 'Kenya', '肯尼亚', '肯亞', 'ケニア'],
  ['KG', 'KGZ', 'Kyrgyzstan', 'Kyrgyz Republic', '吉尔吉斯斯坦', '吉尔吉斯', '吉爾吉斯', 'キルギス', 'キルギスタン'],
  ['KH', 'KHM', 'Cambodia', '柬埔寨', 'カンボジア'],
  ['KI', 'KIR', 'Kiribati'],
  ['KM', 'COM', 'Comoros'],
  ['KN', 'KNA', 'Saint Kitts and Nevis', 'Saint Christopher and Nevis'],
  ['KP', 'PRK', 'North Korea', 'DPRK', 'D.P.R.K.', 'DPR Korea', "Democratic People's Republic of Korea", 'Korea DPR', 'Korea North', 'N. Korea', "Korea, Dem. People's Rep.", 'Korea Dem Rep',
    '朝鲜', '朝鮮', '北韩', '北韓', '北朝鲜', '朝鲜民主主义人民共和国', '朝鮮民主主義人民共和國', '北朝鮮', '朝鮮民主主義人民共和国'],
  // "Korea" alone is read as South Korea: that is what it means on virtually every commercial document.
  ['KR', 'KOR', 'South Korea', 'Korea', 'Republic of Korea', 'ROK', 'R.O.K.', 'Korea South', 'Korea Republic', 'Korea Rep', 'S. Korea',
    '韩国', '韓國', '南韩', '南韓', '大韩民国', '大韓民國', '韓国', '大韓民国'],
  ['KW', 'KWT', 'Kuwait', '科威特', 'クウェート'],
  ['KY', 'CYM', 'Cayman Islands', 'Caymans', '开曼群岛', '開曼群島', 'ケイマン諸島'],
  ['KZ', 'KAZ', 'Kazakhstan', '哈萨克斯坦', '哈薩克', '哈薩克斯坦', 'カザフスタン'],
  ['LA', 'LAO', 'Laos', "Lao People's Democratic Republic", 'Lao PDR', '老挝', '老撾', '寮國', 'ラオス'],
  ['LB', 'LBN', 'Lebanon', '黎巴嫩', 'レバノン'],
  ['LC', 'LCA', 'Saint Lucia'],
  ['LI', 'LIE', 'Liechtenstein', '列支敦士登', 'リヒテンシュタイン'],
  ['LK', 'LKA', 'Sri Lanka', 'Ceylon', '斯里兰卡', '斯里蘭卡', 'スリランカ'],
  ['LR', 'LBR', 'Liberia', '利比里亚', 'リベリア'],
  ['LS', 'LSO', 'Lesotho'],
  ['LT', 'LTU', 'Lithuania', '立陶宛', 'リトアニア'],
  ['LU', 'LUX', 'Luxembourg', 'Luxemburg', '卢森堡', '盧森堡', 'ルクセンブルク'],
  ['LV', 'LVA', 'Latvia', '拉脱维亚', '拉脫維亞', 'ラトビア'],
  ['LY', 'LBY', 'Libya', '利比亚', '利比亞', 'リビア'],
  ['MA', 'MAR', 'Morocco', '摩洛哥', 'モロッコ'],
  ['MC', 'MCO', 'Monaco', '摩纳哥', 'モナコ'],
  ['MD', 'MDA', 'Moldova', '摩尔多瓦', 'モルドバ'],
  ['ME', 'MNE', 'Montenegro', '黑山', 'モンテネグロ'],
  ['MF', 'MAF', 'Saint Martin', 'Saint Martin (French part)'],
  ['MG', 'MDG', 'Madagascar', '马达加斯加', 'マダガスカル'],
  ['MH', 'MHL', 'Marshall Islands'],
  ['MK', 'MKD', 'North Macedonia', 'Macedonia', 'FYROM', '北马其顿', '北馬其頓', '北マケドニア'],
  ['ML', 'MLI', 'Mali', '马里', 'マリ'],
  ['MM', 'MMR', 'Myanmar', 'Burma', '缅甸', '緬甸', 'ミャンマー', 'ビルマ'],
  ['MN', 'MNG', 'Mongolia', '蒙古', '蒙古国', '蒙古國', 'モンゴル'],
  ['MO', 'MAC', 'Macao', 'Macau', 'Macao SAR', 'Macau SAR', 'Macao, China', 'Macau, China', 'Macao SAR China', 'China, Macao SAR', 'Macao Special Administrative Region', 'Macao Special Administrative Region of China',
    '澳门', '澳門', '中国澳门', '中國澳門', '澳门特别行政区', '澳門特別行政區', 'マカオ'],
  ['MP', 'MNP', 'Northern Mariana Islands'],
  ['MQ', 'MTQ', 'Martinique'],
  ['MR', 'MRT', 'Mauritania', '毛里塔尼亚', 'モーリタニア'],
  ['MS', 'MSR', 'Montserrat'],
  ['MT', 'MLT', 'Malta', '马耳他', '馬爾他', 'マルタ'],
  ['MU', 'MUS', 'Mauritius', '毛里求斯', 'モーリシャス'],
  ['MV', 'MDV', 'Maldives', '马尔代夫', 'モルディブ'],
  ['MW', 'MWI', 'Malawi'],
  ['MX', 'MEX', 'Mexico', 'México', 'United Mexican States', '墨西哥', 'メキシコ'],
  ['MY', 'MYS', 'Malaysia', '马来西亚', '馬來西亞', 'マレーシア'],
  ['MZ', 'MOZ', 'Mozambique', '莫桑比克', 'モザンビーク'],
  ['NA', 'NAM', 'Namibia', '纳米比亚', 'ナミビア'],
  ['NC', 'NCL', 'New Caledonia'],
  ['NE', 'NER', 'Niger', '尼日尔', 'ニジェール'],
  ['NF', 'NFK', 'Norfolk Island'],
  ['NG', 'NGA', 'Nigeria', '尼日利亚', '奈及利亞', 'ナイジェリア'],
  ['NI', 'NIC', 'Nicaragua', '尼加拉瓜', 'ニカラグア'],
  ['NL', 'NLD', 'Netherlands', 'Holland', 'Nederland', 'Kingdom of the Netherlands', '荷兰', '荷蘭', 'オランダ'],
  ['NO', 'NOR', 'Norway', 'Norge', '挪威', 'ノルウェー'],
  ['NP', 'NPL', 'Nepal', '尼泊尔', '尼泊爾', 'ネパール'],
  ['NR', 'NRU', 'Nauru'],
  ['NU', 'NIU', 'Niue'],
  ['NZ', 'NZL', 'New Zealand', 'Aotearoa', '新西兰', '紐西蘭', '新西蘭', 'ニュージーランド'],
  ['OM', 'OMN', 'Oman', '阿曼', 'オマーン'],
  ['PA', 'PAN', 'Panama', '巴拿马', '巴拿馬', 'パナマ'],
  ['PE', 'PER', 'Peru', '秘鲁', '秘魯', 'ペルー'],
  ['PF', 'PYF', 'French Polynesia', 'Tahiti'],
  ['PG', 'PNG', 'Papua New Guinea', '巴布亚新几内亚', 'パプアニューギニア'],
  ['PH', 'PHL', 'Philippines', '菲律宾', '菲律賓', 'フィリピン'],
  ['PK', 'PAK', 'Pakistan', '巴基斯坦', 'パキスタン'],
  ['PL', 'POL', 'Poland', 'Polska', '波兰', '波蘭', 'ポーランド'],
  ['PM', 'SPM', 'Saint Pierre and Miquelon'],
  ['PN', 'PCN', 'Pitcairn', 'Pitcairn Islands'],
  ['PR', 'PRI', 'Puerto Rico', '波多黎各', 'プエルトリコ'],
  ['PS', 'PSE', 'Palestine', 'Palestinian Territories', 'Occupied Palestinian Territory', '巴勒斯坦', 'パレスチナ'],
  ['PT', 'PRT', 'Portugal', 'Portuguese Republic', '葡萄牙', 'ポルトガル'],
  ['PW', 'PLW', 'Palau'],
  ['PY', 'PRY', 'Paraguay', '巴拉圭', 'パラグアイ'],
  ['QA', 'QAT', 'Qatar', '卡塔尔', '卡達', '卡塔爾', 'カタール'],
  ['RE', 'REU', 'Réunion'],
  ['RO', 'ROU', 'Romania', '罗马尼亚', '羅馬尼亞', 'ルーマニア'],
  ['RS', 'SRB', 'Serbia', '塞尔维亚', '塞爾維亞', 'セルビア'],
  ['RU', 'RUS', 'Russia', 'Russian Federation', '俄罗斯', '俄羅斯', '俄国', '俄國', '俄罗斯联邦', '俄羅斯聯邦', 'ロシア', 'ロシア連邦'],
  ['RW', 'RWA', 'Rwanda', '卢旺达', 'ルワンダ'],
  ['SA', 'SAU', 'Saudi Arabia', 'Saudi', 'KSA', 'Kingdom of Saudi Arabia', '沙特', '沙特阿拉伯', '沙烏地阿拉伯', '沙地阿拉伯', 'サウジアラビア', 'サウジ'],
  ['SB', 'SLB', 'Solomon Islands'],
  ['SC', 'SYC', 'Seychelles', '塞舌尔', 'セーシェル'],
  ['SD', 'SDN', 'Sudan', '苏丹', '蘇丹', 'スーダン'],
  ['SE', 'SWE', 'Sweden', 'Sverige', '瑞典', 'スウェーデン'],
  ['SG', 'SGP', 'Singapore', '新加坡', 'シンガポール'],
  ['SH', 'SHN', 'Saint Helena', 'Saint Helena, Ascension and Tristan da Cunha'],
  ['SI', 'SVN', 'Slovenia', '斯洛文尼亚', '斯洛維尼亞', 'スロベニア'],
  ['SJ', 'SJM', 'Svalbard and Jan Mayen'],
  ['SK', 'SVK', 'Slovakia', 'Slovak Republic', '斯洛伐克', 'スロバキア'],
  ['SL', 'SLE', 'Sierra Leone', '塞拉利昂', 'シエラレオネ'],
  ['SM', 'SMR', 'San Marino'],
  ['SN', 'SEN', 'Senegal', '塞内加尔', 'セネガル'],
  ['SO', 'SOM', 'Somalia', '索马里', '索馬里', '索馬利亞', 'ソマリア'],
  ['SR', 'SUR', 'Suriname', 'Surinam'],
  ['SS', 'SSD', 'South Sudan', '南苏丹', '南蘇丹', '南スーダン'],
  ['ST', 'STP', 'São Tomé and Príncipe', 'Sao Tome'],
  ['SV', 'SLV', 'El Salvador', '萨尔瓦多', 'エルサルバドル'],
  ['SX', 'SXM', 'Sint Maarten', 'Sint Maarten (Dutch part)', 'Saint Maarten'],
  ['SY', 'SYR', 'Syria', 'Syrian Arab Republic', '叙利亚', '敘利亞', 'シリア'],
  ['SZ', 'SWZ', 'Eswatini', 'Swaziland', '斯威士兰', 'エスワティニ', 'スワジランド'],
  ['TC', 'TCA', 'Turks and Caicos Islands'],
  ['TD', 'TCD', 'Chad', '乍得', 'チャド'],
  ['TF', 'ATF', 'French Southern Territories'],
  ['TG', 'TGO', 'Togo', '多哥', 'トーゴ'],
  ['TH', 'THA', 'Thailand', '泰国', '泰國', 'タイ', 'タイ王国'],
  ['TJ', 'TJK', 'Tajikistan', '塔吉克斯坦', '塔吉克', 'タジキスタン'],
  ['TK', 'TKL', 'Tokelau'],
  ['TL', 'TLS', 'Timor-Leste', 'East Timor', '东帝汶', '東帝汶', '東ティモール'],
  ['TM', 'TKM', 'Turkmenistan', '土库曼斯坦', '土庫曼', 'トルクメニスタン'],
  ['TN', 'TUN', 'Tunisia', '突尼斯', 'チュニジア'],
  ['TO', 'TON', 'Tonga'],
  ['TR', 'TUR', 'Türkiye', 'Turkey', 'Turkiye', 'Republic of Türkiye', '土耳其', 'トルコ', 'トルコ共和国'],
  ['TT', 'TTO', 'Trinidad and Tobago', 'Trinidad'],
  ['TV', 'TUV', 'Tuvalu'],
  // Taiwan: "Republic of China" / ROC is Taiwan, not the PRC.
  ['TW', 'TWN', 'Taiwan', 'Republic of China', 'ROC', 'R.O.C.', 'Taiwan ROC', 'Republic of China (Taiwan)', 'Chinese Taipei', 'Taiwan, Province of China', 'Taiwan, China', 'China (Taiwan)', 'Formosa',
    '台湾', '台灣', '臺灣', '中国台湾', '中國台灣', '中国台湾省', '台湾省', '中华民国', '中華民國', '中華民国'],
  ['TZ', 'TZA', 'Tanzania', '坦桑尼亚', 'タンザニア'],
  ['UA', 'UKR', 'Ukraine', '乌克兰', '烏克蘭', 'ウクライナ'],
  ['UG', 'UGA', 'Uganda', '乌干达', 'ウガンダ'],
  ['UM', 'UMI', 'United States Minor Outlying Islands', 'US Minor Outlying Islands'],
  ['US', 'USA', 'United States', 'United States of America', 'U.S.', 'U.S.A.', 'America', 'United States (USA)',
    '美国', '美國', '美利坚合众国', '美利堅合眾國', '米国', 'アメリカ', 'アメリカ合衆国', '合衆国'],
  ['UY', 'URY', 'Uruguay', '乌拉圭', 'ウルグアイ'],
  ['UZ', 'UZB', 'Uzbekistan', '乌兹别克斯坦', '乌兹别克', '烏茲別克', '烏茲別克斯坦', 'ウズベキスタン'],
  ['VA', 'VAT', 'Vatican City', 'Holy See', 'Vatican', 'Holy See (Vatican City State)', 'Vatican City State'],
  ['VC', 'VCT', 'Saint Vincent and the Grenadines', 'Saint Vincent'],
  ['VE', 'VEN', 'Venezuela', '委内瑞拉', '委內瑞拉', 'ベネズエラ'],
  ['VG', 'VGB', 'British Virgin Islands', 'BVI', '英属维尔京群岛', '英屬維京群島', '英領バージン諸島'],
  ['VI', 'VIR', 'U.S. Virgin Islands', 'US Virgin Islands', 'USVI', 'Virgin Islands of the United States'],
  ['VN', 'VNM', 'Vietnam', 'Viet Nam', 'Socialist Republic of Vietnam', '越南', 'ベトナム', 'ヴェトナム'],
  ['VU', 'VUT', 'Vanuatu'],
  ['WF', 'WLF', 'Wallis and Futuna'],
  ['WS', 'WSM', 'Samoa', 'Western Samoa'],
  ['YE', 'YEM', 'Yemen', '也门', '也門', '葉門', 'イエメン'],
  ['YT', 'MYT', 'Mayotte'],
  ['ZA', 'ZAF', 'South Africa', 'RSA', '南非', '南アフリカ', '南アフリカ共和国'],
  ['ZM', 'ZMB', 'Zambia', '赞比亚', 'ザンビア'],
  ['ZW', 'ZWE', 'Zimbabwe', '津巴布韦', '辛巴威', 'ジンバブエ'],
];

const CJK = /\s*([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー])\s*/gu;

function countryKey(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1') // Türkiye = Turkiye, Côte = Cote; kana keep their dakuten
    .normalize('NFC')
    .replace(/&/g, ' and ')
    .replace(/[.'’‘ʼ`]/g, '') // U.S.A. = USA, People's = Peoples
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(CJK, '$1') // 中国 台湾 = 中国台湾
    .replace(/^the /, '')
    .replace(/^st /, 'saint ');
}

const NAMES = new Map<string, string>(COUNTRIES.map(([alpha2, , name]) => [alpha2, name]));
let byKey: Map<string, string> | undefined;

/** Built on first use: ICU's names take ~80 ms, which `--version` and reporters that only print names should not pay. */
function index(): Map<string, string> {
  if (byKey) return byKey;
  const map = new Map<string, string>();
  for (const [alpha2, alpha3, name, ...aliases] of COUNTRIES) {
    for (const written of [alpha2, alpha3, name, ...aliases]) {
      const key = countryKey(written);
      const prev = map.get(key);
      if (!key || (prev && prev !== alpha2)) throw new Error(`countries: "${written}" is ${prev ?? 'empty'} and ${alpha2}`);
      map.set(key, alpha2);
    }
  }
  for (const locale of ['en', 'zh-Hans', 'zh-Hant', 'zh-Hant-HK', 'ja']) {
    for (const style of ['long', 'short'] as const) {
      const names = new Intl.DisplayNames([locale], { type: 'region', style, fallback: 'none' });
      for (const [alpha2] of COUNTRIES) {
        const key = countryKey(names.of(alpha2) ?? '');
        if (key && !map.has(key)) map.set(key, alpha2);
      }
    }
  }
  return (byKey = map);
}

/** "Republic of …", "Kingdom of the …": tried only when the whole name is not known. */
const GOVERNMENT_FORM =
  /^(?:(?:arab|bolivarian|democratic|eastern|federal|federative|grand|hashemite|independent|islamic|peoples|plurinational|socialist|united)\s)*(?:republic|kingdom|state|commonwealth|principality|duchy|sultanate|union|confederation)\sof\s(?:the\s)?/;
/** …but never to pick between the two Chinas or the two Koreas ("People's Republic of Korea"). */
const DIVIDED = new Set(['CN', 'TW', 'KR', 'KP']);

function lookup(written: string): string | undefined {
  const comma = written.indexOf(',');
  // ISO's inverted forms: "Korea, Republic of" → "Republic of Korea"
  const swapped = comma > 0 ? `${written.slice(comma + 1)} ${written.slice(0, comma)}` : undefined;
  const keys = index();
  for (const candidate of swapped === undefined ? [written] : [written, swapped]) {
    const key = countryKey(candidate);
    const code = keys.get(key) ?? keys.get(key.replace(GOVERNMENT_FORM, ''));
    if (code && (keys.has(key) || !DIVIDED.has(code))) return code;
  }
  return undefined;
}

/** Manifests repeat a handful of country spellings: remember each one's answer. */
const MEMO = new Map<string, string | undefined>();
const MEMO_LIMIT = 10_000;

/** The ISO 3166-1 alpha-2 code of a country as written in a manifest, or undefined if not recognised. */
export function countryCode(value: string): string | undefined {
  if (MEMO.has(value)) return MEMO.get(value);
  const code = recognise(value);
  if (MEMO.size >= MEMO_LIMIT) MEMO.clear();
  MEMO.set(value, code);
  return code;
}

function recognise(value: string): string | undefined {
  const written = value.normalize('NFKC').trim();
  if (/^n\s*[/.]\s*a\.?$/i.test(written)) return undefined; // "N/A", "n.a.": not Namibia (plain "NA" is)
  const code = lookup(written);
  if (code) return code;
  // "Taiwan (ROC)", "DE - Germany", "CN | China": both halves must name the same country.
  const parts = written.split(/\s*[()[\]|/:]\s*|\s+[-–—]\s+/).filter((p) => p !== '');
  if (parts.length === 2) {
    const [a, b] = parts.map(lookup);
    return a === b ? a : undefined;
  }
  // an address: "Yokohama, Japan", "Los Angeles, CA, USA" — the country comes last
  const comma = written.lastIndexOf(',');
  return comma > 0 && parts.length === 1 ? lookup(written.slice(comma + 1)) : undefined;
}

/** English short name of an alpha-2 code, for reports; the code itself when unknown. */
export function countryName(code: string): string {
  return NAMES.get(code.trim().toUpperCase()) ?? code;
}
