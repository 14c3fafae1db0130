import type { ChannelOutput, ParsedInput } from '@shared/contract';
import type { CustomerGridColumn } from '@shared/grids/customers';
import type { CustomerGridRow } from '@shared/schemas/customer';
import type { ManualContext } from '../handlers';
import type { ExportColumn } from '../grid/exportWriter';
import { exportView, localDateTime, type Translate } from '../grid/exportView';
import { customerGrid } from './grids';
import { visibleCustomers } from './visibility';

const WIDTH: Partial<Record<CustomerGridColumn, number>> = { name: 34, address: 40, email: 24, code: 14, updatedAt: 18, phone: 16 };
const CODE_LISTS = ['region', 'businessFormat', 'marketType', 'marketSize'] as const;

/** How each customer column reads in a register: Chinese labels for codes and flags, yuan for fen. */
function customerColumn(id: CustomerGridColumn, t: Translate, codeLabels: Map<string, string>): ExportColumn<CustomerGridRow> {
  const header = t(`customers.fields.${id}`);
  const width = WIDTH[id] ?? 12;
  const enumOf = (name: string) => (row: CustomerGridRow) => {
    const v = row[id as keyof CustomerGridRow];
    return v == null ? null : t(`enums.${name}.${String(v)}`);
  };
  switch (id) {
    case 'abcClass':
      return { header, width, value: enumOf('abcClass') };
    case 'status':
      return { header, width, value: enumOf('status') };
    case 'isKey':
      return { header, width, value: enumOf('bool') };
    case 'urbanRural':
      return { header, width, value: enumOf('urbanRural') };
    case 'infoSource':
      return { header, width: 16, value: enumOf('infoSource') };
    case 'creditLimitFen':
      return { header, width: 16, numFmt: '#,##0.00', value: (r) => (r.creditLimitFen == null ? null : r.creditLimitFen / 100) };
    case 'updatedAt':
      return { header, width, value: (r) => localDateTime(r.updatedAt) };
    default:
      if ((CODE_LISTS as readonly string[]).includes(id)) {
        return { header, width, value: (r) => { const code = r[id as keyof CustomerGridRow] as string | null; return code == null ? null : (codeLabels.get(`${id}:${code}`) ?? code); } };
      }
      return { header, width, value: (r) => r[id as keyof CustomerGridRow] as string | number | null };
  }
}

export async function exportCustomers(
  input: ParsedInput<'customers.export'>,
  ctx: ManualContext,
): Promise<ChannelOutput<'customers.export'>> {
  const entries = await ctx.db.all<{ list: string; code: string; label: string }>('SELECT list, code, label FROM code_list_entries');
  const codeLabels = new Map(entries.map((e) => [`${e.list}:${e.code}`, e.label]));
  return exportView(ctx, {
    spec: customerGrid,
    view: input.view,
    columns: input.columns,
    format: input.format,
    locale: input.locale,
    register: 'registers.customers',
    extra: [visibleCustomers(ctx.session)],
    column: (id, t) => customerColumn(id, t, codeLabels),
  });
}
