import { channel } from './channel';
import { empty, ok } from '../schemas/common';
import { exportedFile, gridPageSchema, gridQuerySchema } from '../grid';
import { importLogColumns } from '../grids/imports';
import {
  importCancelInput,
  importCommitOutput,
  importInspectInput,
  importInspectOutput,
  importLogRow,
  importProblem,
  importProblemsInput,
  importRunInput,
  importSummary,
} from '../schemas/imports';

/**
 * 客户导入: the file arrives first through the bridge's uploadFile (never a path), then these channels take its
 * upload id. A dry run (`imports.check`) writes nothing; `imports.commit` writes everything in one transaction or
 * nothing. After a clean dry run of the same file, mapping and mode the commit re-checks only what the database
 * decides (codes on file, active staff and code lists) and writes the dry run's plans; otherwise it checks the
 * whole file again.
 */
export const importChannels = {
  /** Reads the header row and the first rows; recognises the usual Chinese headers. */
  'imports.inspect': channel({ input: importInspectInput, output: importInspectOutput, access: 'customers.write', tx: 'read' }),
  /** Dry run: every row checked with the customer form's rules; nothing written. */
  'imports.check': channel({ input: importRunInput, output: importSummary, access: 'customers.write', tx: 'read' }),
  /** The problems of a dry run or a refused import, page by page. */
  'imports.problems': channel({ input: importProblemsInput, output: gridPageSchema(importProblem), access: 'customers.write', tx: 'read' }),
  /** All or nothing, in one write transaction; progress as `job.progress` events. */
  'imports.commit': channel({ input: importRunInput, output: importCommitOutput, access: 'customers.write', tx: 'manual' }),
  /** Stops a running dry run or import; an import rolls back and writes nothing. */
  'imports.cancel': channel({ input: importCancelInput, output: ok, access: 'customers.write', tx: 'read' }),
  /** 导入记录. */
  'imports.log': channel({ input: gridQuerySchema(importLogColumns), output: gridPageSchema(importLogRow), access: 'customers.write', tx: 'read' }),
  /** An empty .xlsx with the expected headers, to fill in. */
  'imports.template': channel({ input: empty, output: exportedFile, access: 'customers.write', tx: 'read' }),
};
