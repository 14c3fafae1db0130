import { addDays } from '@shared/dates';
import type { CustomerValues } from '@shared/schemas/customer';
import { Random } from './random';
import {
  BRANDS,
  CITIES,
  GIVEN,
  ORDER_CYCLES,
  ROADS,
  SUFFIXES,
  SURNAMES,
  TITLES_DIRECTOR,
  TITLES_MANAGER,
  TITLES_TOP,
  TRADES,
} from './names';

export interface GeneratedContact {
  name: string;
  title: string;
  mobile: string | null;
  directLine: string | null;
  email: string | null;
  isKeyLeader: boolean;
}

export interface GeneratedCustomer {
  values: CustomerValues;
  contacts: GeneratedContact[];
}

export function personName(r: Random): string {
  return r.pick(SURNAMES) + r.pick(GIVEN);
}

export function mobile(r: Random): string {
  return r.pick(['13', '15', '18', '17', '19']) + r.digits(9);
}

/**
 * Customers that look like a Zhejiang/Jiangsu marketing office's archive. `index` makes codes unique;
 * `staffIds` are the customer managers to assign; `today` anchors registration dates.
 */
export function generateCustomer(r: Random, index: number, staffIds: readonly number[], today: string): GeneratedCustomer {
  const [province, city, areaCode, districts] = r.pick(CITIES);
  const brand = r.pick(BRANDS);
  const [trade, format] = r.pick(TRADES);
  const suffix = r.pick(SUFFIXES);
  const name = `${city}${brand}${trade}${suffix}`;
  const roll = r.next();
  const abcClass = roll < 0.18 ? 'A' : roll < 0.6 ? 'B' : 'C';
  const rural = r.chance(0.25);
  const district = r.pick(districts);
  const landline = `${areaCode}-${r.pick(['8', '6', '5'])}${r.digits(areaCode.length === 3 ? 7 : 7)}`;
  const registeredOn = addDays(today, -r.int(0, 5 * 365));
  const contactCount = r.int(1, 3);
  const contacts: GeneratedContact[] = [];
  for (let i = 0; i < contactCount; i++) {
    const title = i === 0 ? r.pick(abcClass === 'A' ? TITLES_TOP : TITLES_DIRECTOR) : r.pick(TITLES_MANAGER);
    contacts.push({
      name: personName(r),
      title,
      mobile: mobile(r),
      directLine: r.chance(0.4) ? `${areaCode}-${r.pick(['8', '6'])}${r.digits(7)}` : null,
      email: r.chance(0.3) ? `${['zhang', 'li', 'wang', 'chen', 'liu'][r.int(0, 4)]}${r.int(1, 99)}@${['163.com', 'qq.com', '126.com'][r.int(0, 2)]}` : null,
      isKeyLeader: i === 0,
    });
  }
  return {
    values: {
      code: `KH${String(index).padStart(6, '0')}`,
      name,
      shortName: `${brand}${trade.slice(0, 2)}`,
      abcClass,
      region: r.pick(['east', 'west', 'south', 'north', 'county']),
      strength: abcClass === 'A' ? r.int(4, 5) : abcClass === 'B' ? r.int(2, 4) : r.int(1, 3),
      dealLikelihood: r.int(1, 5),
      businessFormat: format,
      marketType: rural ? r.pick(['town', 'village']) : r.pick(['city', 'county']),
      marketSize: abcClass === 'A' ? 'large' : abcClass === 'B' ? r.pick(['large', 'medium']) : r.pick(['medium', 'small']),
      areaUnit: `${district}第${r.int(1, 12)}单元`,
      urbanRural: rural ? 'rural' : 'urban',
      isKey: abcClass === 'A' || r.chance(0.08),
      managerStaffId: r.pick(staffIds),
      registeredOn,
      firstContractNo: `HT${registeredOn.slice(0, 4)}-${r.digits(4)}`,
      // Municipalities (上海市) are their own province: no "上海市上海市".
      address: `${province === `${city}市` ? '' : province}${city}市${district}${r.pick(ROADS)}${r.int(1, 999)}号`,
      phone: r.chance(0.7) ? landline : mobile(r),
      fax: r.chance(0.3) ? `${areaCode}-${r.pick(['8', '6'])}${r.digits(7)}` : null,
      email: r.chance(0.4) ? `service${r.int(1, 999)}@${['163.com', 'qq.com', 'sina.com'][r.int(0, 2)]}` : null,
      website: r.chance(0.2) ? `www.${['xinda', 'huasheng', 'hengtong', 'hongyuan', 'jintai'][r.int(0, 4)]}${r.int(1, 99)}.com` : null,
      businessScope: `${trade}、日用百货、预包装食品批发零售`,
      mainProducts: r.pick(['卷烟、酒水、饮料', '休闲食品、饮料', '粮油副食', '日化用品', '包装材料', '茶叶礼盒']),
      industryPosition: abcClass === 'A' ? `${city}地区${trade}龙头企业之一` : abcClass === 'B' ? '区域内规模较大' : '社区型经营',
      recentDevelopments: r.chance(0.3) ? r.pick(['新开两家门店', '正在扩建仓库', '更换了采购负责人', '计划明年上线线上商城']) : null,
      culture: null,
      creditRating: r.pick(['A', 'A', 'B', 'B', 'C', 'D']) as 'A' | 'B' | 'C' | 'D',
      creditLimitFen: r.int(1, 200) * 500_000,
      orderCycle: r.pick(ORDER_CYCLES),
      infoSource: r.pick(['online', 'advertising', 'transactions', 'association', 'salesVisit', 'customerForm', 'survey', 'other'] as const),
      notes: null,
    },
    contacts,
  };
}
