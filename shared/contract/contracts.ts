import { z } from 'zod';
import { channel } from './channel';
import { id } from '../schemas/common';
import {
  contractApproveInput,
  contractCountersignInput,
  contractCreateInput,
  contractDetail,
  contractGridRow,
  contractRenewInput,
  contractSignInput,
  contractSummary,
  contractSummaryInput,
  contractTerminateInput,
  contractUpdateInput,
} from '../schemas/contract';
import { exportedFile, gridExportSchema, gridPageSchema, gridQuerySchema } from '../grid';
import { contractGridColumns } from '../grids/contracts';

/**
 * 合同台账. Contracts hang off customers, so reading and editing them takes the customer permissions (and the
 * A-class rule); approving a special contract takes the department head's own permission.
 */
export const contractChannels = {
  'contracts.query': channel({
    input: gridQuerySchema(contractGridColumns),
    output: gridPageSchema(contractGridRow),
    access: 'customers.read',
    tx: 'read',
  }),
  'contracts.summary': channel({ input: contractSummaryInput, output: contractSummary, access: 'customers.read', tx: 'read' }),
  // 'manual': opening a contract of an A-class customer is a view of that customer's record, and is logged.
  'contracts.get': channel({ input: z.object({ id }).strict(), output: contractDetail, access: 'customers.read', tx: 'manual' }),
  'contracts.create': channel({ input: contractCreateInput, output: contractDetail, access: 'customers.write', tx: 'write' }),
  'contracts.update': channel({ input: contractUpdateInput, output: contractDetail, access: 'customers.write', tx: 'write' }),
  'contracts.countersign': channel({ input: contractCountersignInput, output: contractDetail, access: 'customers.write', tx: 'write' }),
  'contracts.approveSpecial': channel({ input: contractApproveInput, output: contractDetail, access: 'contracts.approveSpecial', tx: 'write' }),
  'contracts.sign': channel({ input: contractSignInput, output: contractDetail, access: 'customers.write', tx: 'write' }),
  'contracts.renew': channel({ input: contractRenewInput, output: contractDetail, access: 'customers.write', tx: 'write' }),
  'contracts.terminate': channel({ input: contractTerminateInput, output: contractDetail, access: 'customers.write', tx: 'write' }),
  'contracts.export': channel({
    input: gridExportSchema(contractGridColumns),
    output: exportedFile,
    access: 'customers.export',
    tx: 'manual',
  }),
};
