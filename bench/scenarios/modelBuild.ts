/**
 * Model build against its floor, in a process of its own (recordingProcess.ts) so that the emulator's data does not
 * weigh on its garbage collector. It records the app's own read (replayJira.ts), then, from memory, each repetition
 * times `JSON.parse` of the recorded search answers (the floor), their zod validation, the mapping of every issue,
 * `buildTransformationModel` with its roll-ups on those items, and the whole read replayed from the same texts.
 * Medians. The recorded read itself gives the live read's figures without a snapshot (requests, the emulator's time).
 */
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_CONFIG, buildTransformationModel, type WorkItem } from '../../src/domain';
import { listFields, resolveFieldMapping } from '../../src/jira/fields';
import { toWorkItem } from '../../src/jira/issueMapper';
import { searchPageSchema, type JiraSearchPage } from '../../src/jira/schemas';
import { readTransformation } from '../../src/usecases/readTransformation';
import { median } from '../measure';
import { forkChild, type Child } from './child';
import { adminOf, type Portfolio } from './portfolio';
import { NOW, replayingJira, searchPages, type Recording } from './replayJira';

export const modelBuildFiguresSchema = z.object({
  searchPages: z.number(),
  searchBytes: z.number(),
  issuesRead: z.number(),
  /** Requests the whole read makes. */
  requests: z.number(),
  /** The recorded read over HTTP without latency, per request: mostly the emulator's own time. */
  msPerRecordedRequest: z.number(),
  repetitions: z.number(),
  parseMs: z.number(),
  validateMs: z.number(),
  mapMs: z.number(),
  buildMs: z.number(),
  readMs: z.number(),
});
export type ModelBuildFigures = z.infer<typeof modelBuildFiguresSchema>;

export const recordingStartSchema = z.object({ jiraUrl: z.string(), authorization: z.string(), maxRepetitions: z.number(), budgetMs: z.number() });
export const recordedMessageSchema = z.object({ kind: z.literal('recorded'), figures: modelBuildFiguresSchema });

const timed = <T>(times: number[], run: () => T): T => {
  globalThis.gc?.();
  const started = performance.now();
  const value = run();
  times.push(performance.now() - started);
  return value;
};

/** Runs in the recording process. */
export async function measureModelBuild(recording: Recording, maxRepetitions: number, budgetMs: number): Promise<ModelBuildFigures> {
  const texts = searchPages(recording);
  const replay = replayingJira(recording);
  const fieldIds = resolveFieldMapping(await listFields(replay), DEFAULT_CONFIG.fieldMapping).ids;
  const times = { parse: [] as number[], validate: [] as number[], map: [] as number[], build: [] as number[], read: [] as number[] };
  const started = performance.now();
  while (times.read.length < maxRepetitions && (times.read.length === 0 || performance.now() - started < budgetMs)) {
    const parsed = timed<unknown[]>(times.parse, () => texts.map((t) => JSON.parse(t)));
    const pages = timed<JiraSearchPage[]>(times.validate, () => parsed.map((p) => searchPageSchema.parse(p)));
    const items = timed<WorkItem[]>(times.map, () => pages.flatMap((page) => page.issues.map((issue) => toWorkItem(issue, fieldIds).item)));
    timed(times.build, () => buildTransformationModel(items, DEFAULT_CONFIG, { now: NOW }));
    globalThis.gc?.();
    const t = performance.now();
    await readTransformation(replay, DEFAULT_CONFIG, NOW);
    times.read.push(performance.now() - t);
  }
  return {
    searchPages: texts.length,
    searchBytes: texts.reduce((sum, p) => sum + Buffer.byteLength(p), 0),
    issuesRead: recording.issuesRead,
    requests: recording.requests,
    msPerRecordedRequest: recording.fetchMs / Math.max(1, recording.requests),
    repetitions: times.read.length,
    parseMs: median(times.parse),
    validateMs: median(times.validate),
    mapMs: median(times.map),
    buildMs: median(times.build),
    readMs: median(times.read),
  };
}

/** Forks the recording process for this portfolio: it answers with the figures and exits. */
export function forkRecording(portfolio: Portfolio, maxRepetitions: number, budgetMs: number): Child<z.infer<typeof recordedMessageSchema>> {
  const admin = adminOf(portfolio.site);
  const authorization = `Basic ${Buffer.from(`${admin.emailAddress}:${admin.apiToken}`).toString('base64')}`;
  const start: z.infer<typeof recordingStartSchema> = { jiraUrl: portfolio.floorEmulator.url, authorization, maxRepetitions, budgetMs };
  return forkChild(path.join(__dirname, 'recordingProcess.ts'), start, recordedMessageSchema);
}
