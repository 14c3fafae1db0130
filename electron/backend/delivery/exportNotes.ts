/**
 * What grid/exportView.ts's exportRegister notes about the file one call made — which register it is — so the
 * outbox can fill a target's `{register}` sub-folder and the jobs page can name the register. Keyed by the call's
 * own context object (the dispatcher makes one per call), so nothing outlives the call.
 */
export interface ExportNote {
  /** Key under `registers.*` (e.g. `customers`), or null for a register named otherwise. */
  registerKey: string | null;
  /** The register's name in the export's language: the title row and the start of the file name. */
  register: string;
}

const notes = new WeakMap<object, ExportNote>();

export function noteExport(ctx: object, register: string, title: string): void {
  notes.set(ctx, { registerKey: register.startsWith('registers.') ? register.slice('registers.'.length) : null, register: title });
}

export function exportNoteOf(ctx: object): ExportNote | undefined {
  return notes.get(ctx);
}
