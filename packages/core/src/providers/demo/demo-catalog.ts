// Word lists the demo data set is generated from. The cities are where 1688 sellers of each trade really
// cluster (汕头澄海 toys, 湖州/苏州 silk, 东莞 packaging…), so demo results look like a real search.

export interface DemoProductWord {
  zh: string;
  en: string;
}

export interface DemoCategory {
  /** Extra words a search keyword may contain to hit this trade (besides its product words). */
  keywords: readonly string[];
  cities: readonly string[];
  factorySuffixes: readonly string[];
  traderSuffixes: readonly string[];
  products: readonly DemoProductWord[];
  /** Selling points that go in front of a product word in a title. */
  titleWords: readonly string[];
  serviceTags: readonly string[];
  /** Unit price range in CNY. */
  price: readonly [number, number];
  moqs: readonly number[];
}

export const DEMO_CATEGORIES: readonly DemoCategory[] = [
  {
    keywords: ['玩具', 'toy'],
    cities: ['汕头', '汕头', '义乌', '东莞', '广州'],
    factorySuffixes: ['玩具厂', '玩具有限公司', '塑胶玩具厂', '玩具实业有限公司'],
    traderSuffixes: ['玩具商行', '玩具贸易有限公司'],
    products: [
      { zh: '毛绒玩具', en: 'plush toy' },
      { zh: '积木玩具', en: 'building blocks' },
      { zh: '遥控车', en: 'remote control car' },
      { zh: '泡泡玩具', en: 'bubble toy' },
      { zh: '玩具枪', en: 'toy gun' },
      { zh: '益智玩具', en: 'educational toy' },
      { zh: '过家家玩具', en: 'pretend play set' },
    ],
    titleWords: ['儿童', '新款', '跨境热销', '地摊', '早教', '男孩女孩', '礼盒装'],
    serviceTags: ['汕头玩具', '注塑', '塑料/塑胶', '清加工', '来图定制', '3C认证'],
    price: [2, 120],
    moqs: [1, 2, 3, 10, 24, 60, 120, 500],
  },
  {
    keywords: ['T恤', '短袖', '服装', 'tshirt'],
    cities: ['广州', '杭州', '东莞', '深圳', '泉州'],
    factorySuffixes: ['服饰有限公司', '制衣厂', '针织服装厂', '服装有限公司'],
    traderSuffixes: ['服饰商行', '服装贸易有限公司'],
    products: [
      { zh: '纯棉T恤', en: 'cotton T-shirt' },
      { zh: '短袖T恤', en: 'short sleeve T-shirt' },
      { zh: '圆领T恤', en: 'crew neck T-shirt' },
      { zh: '广告衫T恤', en: 'promotional T-shirt' },
      { zh: '印花T恤', en: 'printed T-shirt' },
      { zh: 'polo衫', en: 'polo shirt' },
    ],
    titleWords: ['夏季新款', '男女同款', '宽松', '可定制logo', '重磅', '批发'],
    serviceTags: ['针织', '来样加工', '支持定制', '一件代发'],
    price: [8, 60],
    moqs: [2, 10, 30, 50, 100, 300],
  },
  {
    keywords: ['丝绸', '真丝', '桑蚕丝', 'silk'],
    cities: ['湖州', '杭州', '苏州', '湖州', '嘉兴'],
    factorySuffixes: ['丝绸有限公司', '丝绸厂', '织造有限公司', '真丝服饰厂'],
    traderSuffixes: ['丝绸商行', '丝绸贸易有限公司'],
    products: [
      { zh: '真丝围巾', en: 'silk scarf' },
      { zh: '丝绸睡衣', en: 'silk pajamas' },
      { zh: '桑蚕丝面料', en: 'mulberry silk fabric' },
      { zh: '真丝枕套', en: 'silk pillowcase' },
      { zh: '丝绸方巾', en: 'silk square scarf' },
      { zh: '真丝衬衫', en: 'silk shirt' },
    ],
    titleWords: ['19姆米', '100%桑蚕丝', '高端', '礼品', '双面', '印花'],
    serviceTags: ['丝绸之府', '织造', '数码印花', '来图定制'],
    price: [25, 600],
    moqs: [1, 2, 5, 10, 50, 100],
  },
  {
    keywords: ['连衣裙', '裙子', '女装', 'dress'],
    cities: ['杭州', '广州', '深圳', '湖州', '苏州'],
    factorySuffixes: ['服饰有限公司', '女装厂', '服装厂', '制衣有限公司'],
    traderSuffixes: ['女装商行', '服饰贸易有限公司'],
    products: [
      { zh: '碎花连衣裙', en: 'floral dress' },
      { zh: '雪纺连衣裙', en: 'chiffon dress' },
      { zh: '针织连衣裙', en: 'knit dress' },
      { zh: '真丝连衣裙', en: 'silk dress' },
      { zh: '吊带连衣裙', en: 'slip dress' },
    ],
    titleWords: ['法式', '2024春夏新款', '收腰', '气质', '显瘦', '长款'],
    serviceTags: ['女装', '快反', '小单快返', '一件代发'],
    price: [30, 260],
    moqs: [1, 2, 5, 20, 50],
  },
  {
    keywords: ['手机壳', '手机套', 'phone case'],
    cities: ['深圳', '东莞', '广州', '义乌'],
    factorySuffixes: ['电子科技有限公司', '手机配件厂', '硅胶制品厂', '塑胶制品有限公司'],
    traderSuffixes: ['数码商行', '电子商务有限公司'],
    products: [
      { zh: '硅胶手机壳', en: 'silicone phone case' },
      { zh: '透明手机壳', en: 'clear phone case' },
      { zh: '防摔手机壳', en: 'shockproof phone case' },
      { zh: '磁吸手机壳', en: 'magnetic phone case' },
      { zh: '皮革手机壳', en: 'leather phone case' },
    ],
    titleWords: ['适用苹果15', '全包', '跨境', '液态', '卡通', '新款'],
    serviceTags: ['TPU', '注塑', 'UV打印', '跨境专供'],
    price: [1.5, 35],
    moqs: [1, 10, 50, 100, 500],
  },
  {
    keywords: ['包装盒', '包装', '纸盒', '纸箱', 'box'],
    cities: ['东莞', '温州', '义乌', '苏州', '泉州', '青岛'],
    factorySuffixes: ['包装制品有限公司', '纸品厂', '印刷包装厂', '包装材料有限公司'],
    traderSuffixes: ['包装商行', '包装贸易有限公司'],
    products: [
      { zh: '礼品包装盒', en: 'gift box' },
      { zh: '瓦楞纸箱', en: 'corrugated carton' },
      { zh: '化妆品包装盒', en: 'cosmetic packaging box' },
      { zh: '飞机盒', en: 'mailer box' },
      { zh: '茶叶包装盒', en: 'tea packaging box' },
    ],
    titleWords: ['定制', '印刷logo', '环保', '加厚', '天地盖', '烫金'],
    serviceTags: ['印刷', '模切', 'FSC认证', '来图定制'],
    price: [0.2, 30],
    moqs: [100, 500, 1000, 3000, 5000],
  },
  // Issue 21: home goods, kitchen, bags and pets, so a buyer trying the demo sees their own trade. Cities where
  // these trades cluster on 1688: 义乌/台州/宁波 household goods, 阳江 knives and 永康 cookware, 保定(白沟)/广州
  // bags, 南通 and 义乌 pet supplies.
  {
    keywords: ['家居', '收纳', '家居用品', 'home'],
    cities: ['义乌', '台州', '宁波', '金华'],
    factorySuffixes: ['家居用品有限公司', '日用品厂', '塑料制品厂', '工艺品有限公司'],
    traderSuffixes: ['家居商行', '日用品贸易有限公司'],
    products: [
      { zh: '收纳盒', en: 'storage box' },
      { zh: '收纳篮', en: 'storage basket' },
      { zh: '香薰蜡烛', en: 'scented candle' },
      { zh: '相框', en: 'photo frame' },
      { zh: '挂钟', en: 'wall clock' },
      { zh: '抱枕', en: 'throw pillow' },
    ],
    titleWords: ['北欧风', '家用', '桌面', 'ins风', '大容量', '批发'],
    serviceTags: ['注塑', '来图定制', '一件代发', '支持混批'],
    price: [1.5, 60],
    moqs: [2, 10, 50, 100, 500],
  },
  {
    keywords: ['厨房', '厨具', '餐具', 'kitchen'],
    cities: ['阳江', '永康', '潮州', '揭阳'],
    factorySuffixes: ['五金制品有限公司', '厨具厂', '不锈钢制品厂', '家居用品有限公司'],
    traderSuffixes: ['厨具商行', '厨具贸易有限公司'],
    products: [
      { zh: '不锈钢保温杯', en: 'stainless steel vacuum cup' },
      { zh: '硅胶锅铲', en: 'silicone spatula' },
      { zh: '菜刀', en: 'kitchen knife' },
      { zh: '砧板', en: 'cutting board' },
      { zh: '保鲜盒', en: 'food storage container' },
      { zh: '陶瓷马克杯', en: 'ceramic mug' },
    ],
    titleWords: ['304不锈钢', '食品级', '家用', '加厚', '耐高温', '可定制logo'],
    serviceTags: ['不锈钢', '抛光', '来样加工', 'LFGB认证'],
    price: [2, 90],
    moqs: [2, 12, 50, 100, 1000],
  },
  {
    keywords: ['箱包', '包包', '背包', 'bag'],
    cities: ['广州', '保定', '泉州', '嘉兴'],
    factorySuffixes: ['箱包有限公司', '皮具厂', '箱包厂', '皮具有限公司'],
    traderSuffixes: ['箱包商行', '皮具贸易有限公司'],
    products: [
      { zh: '双肩包', en: 'backpack' },
      { zh: '帆布袋', en: 'canvas tote bag' },
      { zh: '化妆包', en: 'cosmetic bag' },
      { zh: '腰包', en: 'waist bag' },
      { zh: '行李箱', en: 'suitcase' },
      { zh: '斜挎包', en: 'crossbody bag' },
    ],
    titleWords: ['大容量', '防水', '韩版', '时尚', '旅行', '可定制logo'],
    serviceTags: ['皮具', '来图定制', '一件代发', '支持混批'],
    price: [4, 150],
    moqs: [1, 2, 10, 50, 300],
  },
  {
    keywords: ['宠物', '宠物用品', '狗', '猫', 'pet'],
    cities: ['南通', '义乌', '杭州', '青岛'],
    factorySuffixes: ['宠物用品有限公司', '宠物用品厂', '纺织品有限公司'],
    traderSuffixes: ['宠物用品商行', '宠物用品贸易有限公司'],
    products: [
      { zh: '宠物玩具', en: 'pet toy' },
      { zh: '狗项圈', en: 'dog collar' },
      { zh: '狗牵引绳', en: 'dog leash' },
      { zh: '猫窝', en: 'cat bed' },
      { zh: '宠物碗', en: 'pet bowl' },
      { zh: '猫抓板', en: 'cat scratcher' },
    ],
    titleWords: ['耐咬', '四季通用', '可调节', '跨境热销', '新款', '批发'],
    serviceTags: ['宠物用品', '来图定制', '一件代发', '支持混批'],
    price: [1, 80],
    moqs: [2, 10, 20, 100, 500],
  },
];

/** Shop-name words ("字号"); combined with a city and a trade suffix they make a company name. */
export const BRAND_WORDS: readonly string[] = [
  '嘉玩',
  '精精',
  '宏达',
  '鑫源',
  '华美',
  '恒丰',
  '金鼎',
  '盛世',
  '永兴',
  '佳乐',
  '瑞祥',
  '新星',
  '博远',
  '锦绣',
  '天虹',
  '汇丰',
  '伟业',
  '明辉',
  '顺发',
  '荣昌',
  '凯旋',
  '东升',
  '万利',
  '晨光',
  '宇航',
  '信达',
  '富源',
  '腾飞',
  '和美',
  '海纳',
  '雅琪',
  '丝韵',
  '立信',
  '安达',
  '百川',
  '星辰',
];

/** Districts 1688 sellers often register in, to make `汕头市澄海区…` style names. */
export const DISTRICTS: Readonly<Record<string, readonly string[]>> = {
  汕头: ['澄海区', '潮阳区'],
  广州: ['白云区', '番禺区', '海珠区'],
  深圳: ['宝安区', '龙华区', '龙岗区'],
  杭州: ['萧山区', '余杭区', '临平区'],
  湖州: ['吴兴区', '南浔区'],
  苏州: ['吴江区', '吴中区'],
  泉州: ['晋江', '石狮'],
  温州: ['苍南县', '龙湾区'],
  义乌: ['稠城街道', '北苑街道'],
  阳江: ['江城区', '阳东区'],
  保定: ['白沟新城'],
  南通: ['通州区', '海门区'],
};

export const GENERIC_TAGS: readonly string[] = [
  '源头工厂',
  '48小时发货',
  '7天无理由',
  '支持混批',
  '深度验厂',
];
