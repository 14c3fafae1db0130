import { z } from 'zod';
import { channel } from './channel';
import { ok } from '../schemas/common';
import {
  archiveDocCreateInput,
  archiveDocListInput,
  archiveDocRecord,
  archiveDocRemoveInput,
  archiveDocReorderInput,
  archiveDocUpdateInput,
  fileIndex,
  fileIndexRow,
} from '../schemas/archiveDoc';

/** 档案文件登记 and its printed file index (卷内文件目录); customer permissions and the A-class rule apply. */
export const archiveDocChannels = {
  'archiveDocs.list': channel({ input: archiveDocListInput, output: z.array(fileIndexRow), access: 'customers.read', tx: 'read' }),
  // 'manual': printing an A-class customer's file index is a view of the record, and every such view is logged.
  'archiveDocs.index': channel({ input: archiveDocListInput, output: fileIndex, access: 'customers.read', tx: 'manual' }),
  'archiveDocs.create': channel({ input: archiveDocCreateInput, output: archiveDocRecord, access: 'customers.write', tx: 'write' }),
  'archiveDocs.update': channel({ input: archiveDocUpdateInput, output: archiveDocRecord, access: 'customers.write', tx: 'write' }),
  'archiveDocs.reorder': channel({ input: archiveDocReorderInput, output: ok, access: 'customers.write', tx: 'write' }),
  'archiveDocs.remove': channel({ input: archiveDocRemoveInput, output: ok, access: 'customers.write', tx: 'write' }),
};
