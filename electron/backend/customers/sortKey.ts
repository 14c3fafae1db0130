import { pinyin } from 'pinyin-pro';

/**
 * How a customer name sorts: by its pinyin, as Chinese users expect a name list (and as Excel sorts it), not by
 * Unicode code point. Polyphones follow the word (重庆 → chong qing, 银行 → yin hang). The name itself follows
 * the pinyin so that homophones still sort in a fixed order.
 */
export function nameSortKey(name: string): string {
  const spelled = pinyin(name, { toneType: 'none', separator: ' ', nonZh: 'consecutive', v: true });
  return `${spelled.toLowerCase()} \u0001${name}`;
}
