import type { Location } from '../models/supplier.js';
import { toText } from './values.js';

// Cities that 1688 sellers cluster in, with their province, so `汕头` alone still matches a province filter
// and merges with `广东 汕头市`. Direct-administered municipalities are their own province.
const PROVINCE_OF_CITY: Readonly<Record<string, string>> = {
  北京: '北京',
  上海: '上海',
  天津: '天津',
  重庆: '重庆',
  广州: '广东',
  深圳: '广东',
  东莞: '广东',
  佛山: '广东',
  汕头: '广东',
  中山: '广东',
  惠州: '广东',
  揭阳: '广东',
  潮州: '广东',
  江门: '广东',
  珠海: '广东',
  肇庆: '广东',
  清远: '广东',
  湛江: '广东',
  茂名: '广东',
  阳江: '广东',
  杭州: '浙江',
  宁波: '浙江',
  温州: '浙江',
  金华: '浙江',
  义乌: '浙江',
  绍兴: '浙江',
  嘉兴: '浙江',
  湖州: '浙江',
  台州: '浙江',
  丽水: '浙江',
  衢州: '浙江',
  舟山: '浙江',
  永康: '浙江',
  诸暨: '浙江',
  桐乡: '浙江',
  海宁: '浙江',
  苏州: '江苏',
  南京: '江苏',
  无锡: '江苏',
  常州: '江苏',
  南通: '江苏',
  扬州: '江苏',
  徐州: '江苏',
  盐城: '江苏',
  泰州: '江苏',
  镇江: '江苏',
  宿迁: '江苏',
  连云港: '江苏',
  淮安: '江苏',
  常熟: '江苏',
  昆山: '江苏',
  泉州: '福建',
  厦门: '福建',
  福州: '福建',
  莆田: '福建',
  漳州: '福建',
  晋江: '福建',
  石狮: '福建',
  青岛: '山东',
  济南: '山东',
  临沂: '山东',
  潍坊: '山东',
  烟台: '山东',
  淄博: '山东',
  菏泽: '山东',
  威海: '山东',
  石家庄: '河北',
  保定: '河北',
  沧州: '河北',
  邢台: '河北',
  廊坊: '河北',
  衡水: '河北',
  唐山: '河北',
  郑州: '河南',
  洛阳: '河南',
  许昌: '河南',
  武汉: '湖北',
  长沙: '湖南',
  成都: '四川',
  西安: '陕西',
  合肥: '安徽',
  南昌: '江西',
  赣州: '江西',
  沈阳: '辽宁',
  大连: '辽宁',
  昆明: '云南',
  南宁: '广西',
  桂林: '广西',
};

const PROVINCES = new Set([
  ...Object.values(PROVINCE_OF_CITY),
  '山西',
  '内蒙古',
  '吉林',
  '黑龙江',
  '海南',
  '贵州',
  '西藏',
  '甘肃',
  '青海',
  '宁夏',
  '新疆',
  '台湾',
  '香港',
  '澳门',
]);

const PROVINCE_SUFFIX = /(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)$/;
const CITY_SUFFIX = /(市|地区|盟|自治州)$/;

export function normalizeProvince(raw: string): string {
  return raw.trim().replace(PROVINCE_SUFFIX, '');
}

export function normalizeCity(raw: string): string {
  const city = raw.trim();
  return city.length > 2 || !CITY_SUFFIX.test(city) ? city.replace(CITY_SUFFIX, '') || city : city;
}

/**
 * `浙江 杭州市`, `杭州`, `广东省汕头市`, `{ province, city }` or `['广东', '汕头']` → `{ province: '浙江', city: '杭州' }`.
 * A lone city gets its province from a table of seller hubs; unknown parts are `null`.
 */
export function normalizeLocation(raw: unknown): Location {
  let province: string | null = null;
  let city: string | null = null;
  if (Array.isArray(raw)) {
    const parts = raw.map(toText).filter((p): p is string => p !== null);
    return normalizeLocation(parts.join(' '));
  }
  if (typeof raw === 'object' && raw !== null) {
    const record = raw as Record<string, unknown>;
    province = toText(record.province ?? record.state);
    city = toText(record.city);
  } else {
    const text = toText(raw);
    if (text === null) return { province: null, city: null };
    const parts = text.split(/[\s,，/·-]+/).filter(Boolean);
    if (parts.length >= 2) {
      [province, city] = [parts[0]!, parts[1]!];
    } else {
      const joined = /^(.+?(?:省|自治区|特别行政区))(.+)$/.exec(text);
      if (joined) [province, city] = [joined[1]!, joined[2]!];
      else if (PROVINCES.has(normalizeProvince(text)) && !PROVINCE_OF_CITY[normalizeCity(text)])
        province = text;
      else city = text;
    }
  }
  const normalCity = city === null ? null : normalizeCity(city);
  let normalProvince = province === null ? null : normalizeProvince(province);
  if (normalProvince === null && normalCity !== null) normalProvince = PROVINCE_OF_CITY[normalCity] ?? null;
  return { province: normalProvince, city: normalCity };
}
