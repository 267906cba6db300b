/**
 * The recording process, forked by the bench with --expose-gc: records the app's live read from the latency-free
 * emulator and times the model build against JSON.parse (modelBuild.ts).
 */
import { sendToParent } from './child';
import { measureModelBuild, recordingStartSchema } from './modelBuild';
import { recordRead } from './replayJira';

async function main(message: unknown): Promise<void> {
  const start = recordingStartSchema.parse(message);
  const recording = await recordRead(start.jiraUrl, start.authorization);
  const figures = await measureModelBuild(recording, start.maxRepetitions, start.budgetMs);
  await sendToParent({ kind: 'recorded', figures });
  process.exit(0);
}

process.once('message', (message: unknown) => {
  main(message).catch(async (error: unknown) => {
    await sendToParent({ kind: 'failed', error: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  });
});
process.on('disconnect', () => process.exit(0));
