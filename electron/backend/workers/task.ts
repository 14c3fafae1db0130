/**
 * What a task running in a worker gets: its plain-data input, the chunks the caller streams to it (empty when
 * the caller streams none), a way to report progress (plain data, relayed to the caller's onProgress) and a
 * signal that fires when the caller cancels. A task stops by throwing — an AppError for anything the user reads.
 */
export interface TaskContext<I> {
  input: I;
  chunks: AsyncIterable<unknown>;
  progress(progress: unknown): void;
  signal: AbortSignal;
}

export type Task<I = never, O = unknown> = (ctx: TaskContext<I>) => Promise<O>;

/** Declares a task with its input and output types (a plain function, typed). */
export const task = <I, O>(run: Task<I, O>): Task<I, O> => run;
