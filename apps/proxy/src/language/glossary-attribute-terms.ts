// Materials, attributes and selling points import buyers add to a 1688 search (issue 21), English → simplified
// Chinese, written by the yuantou team; same format as glossary-terms.ts. Plus the brand names kept as typed.

export const ATTRIBUTE_TERMS = `
stainless=不锈钢
304 stainless steel=304不锈钢
food grade=食品级
food grade silicone=食品级硅胶
bpa free=不含BPA
borosilicate glass=高硼硅玻璃
tempered=钢化
pvc=PVC
pp=PP
abs=ABS
eva=EVA
tpu=TPU
organic cotton=有机棉
pure cotton=纯棉
recycled=再生
biodegradable=可降解
reusable=可重复使用
personalized=个性化定制
logo=LOGO
custom printed=定制印刷
bulk=批量
bulk order=大货
moq=起订量
low moq=小批量
in bulk=批量
factory direct=厂家直销
source factory=源头工厂
manufacturer direct=厂家直销
cheap price=低价
non slip=防滑
anti slip=防滑
heat resistant=耐高温
dishwasher safe=可洗碗机
insulated=保温
vacuum insulated=真空保温
magnetic=磁吸
usb=USB
electric=电动
automatic=自动
manual=手动
cute=可爱
cartoon=卡通
kawaii=可爱
vintage=复古
transparent=透明
clear=透明
colorful=彩色
`;

/**
 * Brand and platform names a buyer types with the goods (`lego building blocks`, `iphone 15 case`): kept as
 * typed, because a 1688 seller lists them in Latin letters (苹果 would also find fruit), and counted as known
 * rather than "could not translate". Lower case.
 */
export const BRAND_WORDS: ReadonlySet<string> = new Set([
  'lego',
  'disney',
  'marvel',
  'barbie',
  'pokemon',
  'kitty',
  'sanrio',
  'nike',
  'adidas',
  'puma',
  'apple',
  'iphone',
  'ipad',
  'airpods',
  'macbook',
  'samsung',
  'galaxy',
  'huawei',
  'xiaomi',
  'oppo',
  'vivo',
  'pixel',
  'magsafe',
  'stanley',
  'yeti',
  'tesla',
  'amazon',
  'tiktok',
  'shopify',
]);
