import type { ChannelOutput, ParsedInput } from '@shared/contract';
import type { ContractGridColumn } from '@shared/grids/contracts';
import type { ContractGridRow } from '@shared/schemas/contract';
import type { ManualContext } from '../handlers';
import type { ExportColumn } from '../grid/exportWriter';
import { exportView, localDateTime, type Translate } from '../grid/exportView';
import { readSetting } from '../settings/store';
import { visibleCustomers } from '../customers/visibility';
import { contractGrid } from './grid';
import { todayOf } from './rules';

const WIDTH: Partial<Record<ContractGridColumn, number>> = { contractNo: 18, title: 30, customerName: 34, customerCode: 14, countersignedBy: 24, updatedAt: 18, amountFen: 16 };

/** How each register column reads on paper: Chinese labels for codes and flags, yuan for fen. */
function contractColumn(id: ContractGridColumn, t: Translate): ExportColumn<ContractGridRow> {
  const header = t(`contracts.fields.${id}`);
  const width = WIDTH[id] ?? 12;
  const flag = (v: boolean) => t(`enums.bool.${String(v)}`);
  switch (id) {
    case 'contractType':
      return { header, width, value: (r) => t(`contracts.types.${r.contractType}`) };
    case 'status':
      return { header, width, value: (r) => t(`contracts.statuses.${r.status}`) };
    case 'isSpecial':
    case 'countersigned':
    case 'specialApproved':
    case 'expiring':
      return { header, width, value: (r) => flag(r[id]) };
    case 'amountFen':
      return { header, width, numFmt: '#,##0.00', value: (r) => (r.amountFen == null ? null : r.amountFen / 100) };
    case 'updatedAt':
      return { header, width, value: (r) => localDateTime(r.updatedAt) };
    default:
      return { header, width, value: (r) => r[id] as string | number | null };
  }
}

/** 合同台账: the register exactly as the grid shows it (filters, sort, visible columns), A-class rule applied. */
export async function exportContracts(input: ParsedInput<'contracts.export'>, ctx: ManualContext): Promise<ChannelOutput<'contracts.export'>> {
  const days = await readSetting(ctx.db, 'contracts.expiringDays');
  return exportView(ctx, {
    spec: contractGrid(todayOf(ctx), days),
    view: input.view,
    columns: input.columns,
    format: input.format,
    locale: input.locale,
    register: 'registers.contracts',
    extra: [visibleCustomers(ctx.session)],
    column: contractColumn,
  });
}
