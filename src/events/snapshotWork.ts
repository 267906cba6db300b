import { z } from 'zod';

/** The queue whose consumer builds and updates the snapshot (manifest.yml: modules.consumer). */
export const SNAPSHOT_QUEUE = 'snapshot-work';

/** What a queued snapshot task asks for; validated when it arrives, like any payload. */
export const snapshotWorkSchema = z.discriminatedUnion('type', [
  /** Continue the full build `buildId`; `maxPages` bounds one invocation (tests use small values). */
  z.strictObject({ type: z.literal('build'), buildId: z.string().regex(/^[a-zA-Z0-9-]{1,64}$/), maxPages: z.number().int().min(1).max(10_000).optional() }),
  /** Apply the issue changes triggers reported. */
  z.strictObject({ type: z.literal('sync') }),

]);
export type SnapshotWork = z.infer<typeof snapshotWorkSchema>;

/** The queue whose consumer reads a build's changelogs into the rows the reports read (modules.consumer). */
export const HISTORY_QUEUE = 'snapshot-history';

/** Continue reading the changelogs of build `buildId`. */
export const historyWorkSchema = z.strictObject({ type: z.literal('history'), buildId: z.string().regex(/^[a-zA-Z0-9-]{1,64}$/) });
export type HistoryWork = z.infer<typeof historyWorkSchema>;

/** The queue whose consumer computes the stored page figures of the current head (modules.consumer). */
export const FIGURES_QUEUE = 'snapshot-figures';

const classKeySchema = z.string().regex(/^(all|[0-9a-f]{12})$/).optional();

export const figuresWorkSchema = z.discriminatedUnion('type', [
  /** Compute the page figures of the current head for a class of viewers ('all' when absent), unless they are stored already. */
  z.strictObject({ type: z.literal('figures'), classKey: classKeySchema }),
  /** Compute the class's reports of today, stored with its current page figures: an invocation of its own, as it reads the history. */
  z.strictObject({ type: z.literal('reports'), classKey: classKeySchema }),
]);
export type FiguresWork = z.infer<typeof figuresWorkSchema>;
