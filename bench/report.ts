/**
 * The bench's results as Markdown tables: printed to the terminal and written to BENCHMARKS.md.
 * To add a figure (e.g. the snapshot's cold build, warm load and incremental update), give SizeResult a Step<...>
 * for it, fill it in bench/run.ts, add its table below, and drop it from "Not measured yet".
 */
import { UI_RESOLVER_TIMEOUT_MS } from '../dev/runtime/runtime';
import { SEARCH_PAGE_SIZE } from '../src/jira/search';
import { ceilDiv, fmtBytes, fmtInt, fmtMs, MB, KB } from './measure';
import type { BundleFigures } from './scenarios/bundles';
import type { InvocationFigures } from './scenarios/dataPath';
import type { ModelBuildFigures } from './scenarios/modelBuild';
import type { PortfolioSpec } from './scenarios/portfolio';
import type { RenderFigures } from './scenarios/render';

/** A step either measured something or says why it did not. */
export type Step<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface SizeResult {
  spec: PortfolioSpec;
  issueCount: number;
  generateMs: number;
  invocations: Array<{ call: string; step: Step<InvocationFigures> }>;
  modelBuild: Step<ModelBuildFigures>;
  render: Step<RenderFigures>;
}

export interface BenchResult {
  startedAt: Date;
  /** loadAtStart: the 1-minute load average when the bench started (other work on the machine skews the timings). */
  machine: { cpus: number; cpuModel: string; memoryBytes: number; node: string; os: string; loadAtStart: number };
  /** The commit measured, and whether the app's code had uncommitted changes. */
  revision: string;
  latencyMs: number;
  budgetMs: number;
  hardLimitMs: number;
  elapsedMs: number;
  sizes: SizeResult[];
  bundles: Step<BundleFigures>;
  /** Set when the watchdog stopped the run. */
  stoppedEarly: string | null;
}

/** Forge's default memory for a function. */
const FORGE_MEMORY_BYTES = 512 * MB;

export const TARGETS = {
  coldRequests: (n: number) => ceilDiv(n, SEARCH_PAGE_SIZE) + 5,
  warmRequests: 3,
  peakMemoryBytes: 256 * MB,
  payloadBytes: 1 * MB,
  renderMs: 1000,
  pageGzipBytes: 300 * KB,
};

const yes = (met: boolean) => (met ? 'yes' : '**no**');

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

const skipped = (reason: string) => `— (${reason})`;
const unlimitedNote = (result: BenchResult) =>
  result.sizes.some((s) => s.invocations.some((i) => i.step.ok && i.step.value.unlimited)) ? `\n\n${UNLIMITED_NOTE}` : '';
/** ok, a refusal the resolver answered with, an error, or Forge's timeout. */
function outcomeOf({ result }: InvocationFigures): string {
  const { report, refused } = result;
  if (report.outcome === 'timeout') return `**TIMEOUT** at ${UI_RESOLVER_TIMEOUT_MS / 1000} s`;
  if (report.outcome === 'error') return `**error**: ${report.error ?? ''}`;
  return refused ? `**refused**: ${refused}` : 'ok';
}
const labelOf = (call: string, figures: InvocationFigures) => (figures.unlimited ? `${call} †` : call);
const UNLIMITED_NOTE =
  '† The same call run again with the time limit lifted, reading from a replay of the recorded Jira answers (no latency, no emulator work), to see the resolver\'s own time, memory and answer for a finished read; on Forge this call times out (the row without †).';

/** Requests a finished read makes: counted in the recorded read, else estimated from the page size. */
const fullReadRequests = (s: SizeResult) => (s.modelBuild.ok ? fmtInt(s.modelBuild.value.requests) : `≈ ${fmtInt(ceilDiv(s.issueCount, SEARCH_PAGE_SIZE) + 2)}`);

function requestsTable(result: BenchResult): string {
  const rows = result.sizes.flatMap((s) =>
    s.invocations.map(({ call, step }) => {
      const n = s.issueCount;
      if (!step.ok) return [s.spec.label, call, skipped(step.reason), '', `≤ ${TARGETS.coldRequests(n)}`, '', `≤ ${TARGETS.warmRequests}`, ''];
      const { report } = step.value.result;
      if (step.value.unlimited) return [s.spec.label, `${call} †`, outcomeOf(step.value), `${fmtMs(report.durationMs)} (resolver only)`, '', `${fmtInt(report.jiraRequests)} · n/a`, '', 'n/a'];
      const timedOut = report.outcome === 'timeout';
      const requests = timedOut ? `${fmtInt(report.jiraRequests)} before it was stopped (a full read needs ${fullReadRequests(s)})` : fmtInt(report.jiraRequests);
      const answered = report.outcome === 'ok' && !step.value.result.refused;
      const cold = answered && report.jiraRequests <= TARGETS.coldRequests(n);
      const warm = answered && report.jiraRequests <= TARGETS.warmRequests;
      return [s.spec.label, call, outcomeOf(step.value), fmtMs(report.durationMs), `≤ ${TARGETS.coldRequests(n)}`, `${requests} · ${yes(cold)}`, `≤ ${TARGETS.warmRequests}`, yes(warm)];
    }),
  );
  return table(['size', 'resolver', 'outcome', 'wall time', 'cold target', 'requests · met?', 'warm target', 'met?'], rows);
}

function memoryTable(result: BenchResult): string {
  const rows = result.sizes.flatMap((s) =>
    s.invocations.map(({ call, step }) => {
      if (!step.ok) return [s.spec.label, call, skipped(step.reason), '', '', '', ''];
      const { memory, report } = step.value.result;
      const stopped = report.outcome === 'timeout';
      const met = stopped ? 'n/a (stopped part-way; see †)' : yes(memory.maxRss < TARGETS.peakMemoryBytes);
      const overForge = memory.maxRss > FORGE_MEMORY_BYTES ? ' (over Forge\'s 512 MB)' : '';
      return [s.spec.label, labelOf(call, step.value), fmtBytes(memory.baselineRss), `${fmtBytes(memory.maxRss)}${stopped ? ' until stopped' : ''}${overForge}`, fmtBytes(memory.sampledPeakHeapUsed), '< 256 MB', met];
    }),
  );
  return table(['size', 'resolver', 'RSS before', 'peak RSS', 'peak heap used (sampled)', 'target', 'met?'], rows);
}

function payloadTable(result: BenchResult): string {
  const rows = result.sizes.flatMap((s) =>
    s.invocations.map(({ call, step }) => {
      if (!step.ok) return [s.spec.label, call, skipped(step.reason), '', ''];
      const bytes = step.value.result.payloadBytes;
      if (bytes === null) return [s.spec.label, labelOf(call, step.value), `no answer (${step.value.result.report.outcome})`, `< 1 MB`, 'n/a'];
      const refused = step.value.result.refused ? ` (a refusal: ${step.value.result.refused})` : '';
      return [s.spec.label, labelOf(call, step.value), `${fmtBytes(bytes)}${bytes > TARGETS.payloadBytes ? ' **> 1 MB**' : ''}${refused}`, '< 1 MB', yes(bytes < TARGETS.payloadBytes)];
    }),
  );
  return table(['size', 'resolver', 'response (JSON)', 'target', 'met?'], rows);
}

function modelTable(result: BenchResult): string {
  const rows = result.sizes.map((s) => {
    const m = s.modelBuild;
    if (!m.ok) return [s.spec.label, skipped(m.reason), '', '', '', '', '', '', '', '', ''];
    const v = m.value;
    const afterParse = v.readMs - v.parseMs;
    return [
      s.spec.label,
      `${fmtInt(v.searchPages)} answers, ${fmtBytes(v.searchBytes)}, ${fmtInt(v.issuesRead)} issues`,
      String(v.repetitions),
      fmtMs(v.parseMs),
      fmtMs(v.validateMs),
      fmtMs(v.mapMs),
      fmtMs(v.buildMs),
      fmtMs(v.readMs),
      yes(v.buildMs < v.parseMs),
      `${fmtMs(afterParse)} = ${(afterParse / v.parseMs).toFixed(1)}× parse`,
      yes(afterParse < v.parseMs),
    ];
  });
  return table(['size', 'search answers', 'reps', 'JSON.parse (floor)', 'zod validation', 'map to work items', 'model build + roll-up', 'whole read', 'build + roll-up < parse?', 'all after parse (whole − parse)', 'all after parse < parse?'], rows);
}

function renderTable(result: BenchResult): string {
  const rows = result.sizes.map((s) => {
    const r = s.render;
    if (!r.ok) return [s.spec.label, skipped(r.reason), '', '', '', '', ''];
    const v = r.value;
    const roadmap = v.roadmapMs === null ? skipped(v.roadmapProblem ?? 'did not render') : fmtMs(v.roadmapMs);
    return [s.spec.label, String(v.runs), fmtMs(v.summaryArrivedMs), fmtMs(v.topRowMs), yes(v.topRowMs <= TARGETS.renderMs), roadmap, v.roadmapMs === null ? '**no**' : yes(v.roadmapMs <= TARGETS.renderMs)];
  });
  return table(['size', 'runs (median)', 'app frame start → summary data arrived', 'data → top row painted', '≤ 1 s?', 'roadmap data → first rows painted', '≤ 1 s?'], rows);
}

function bundleTable(result: BenchResult): string {
  if (!result.bundles.ok) return `Not measured: ${result.bundles.reason}`;
  const b = result.bundles.value;
  const rows = b.pages.map((p) => [p.page, String(p.files.length), fmtBytes(p.rawBytes), fmtBytes(p.gzipBytes), '< 300 KB', yes(p.gzipBytes < TARGETS.pageGzipBytes)]);
  if (b.fetchedByChromium) {
    const f = b.fetchedByChromium;
    rows.push([f.page, String(f.files.length), fmtBytes(f.rawBytes), fmtBytes(f.gzipBytes), '< 300 KB', yes(f.gzipBytes < TARGETS.pageGzipBytes)]);
  }
  return `${table(['page', 'JS files', 'raw', 'gzipped', 'target', 'met?'], rows)}\n\nLibrary chunks loaded only on demand (other themes, rarely used parts), not counted above: ${fmtBytes(b.onDemandGzipBytes)} gzipped in total.${b.fetchedByChromium ? ` Chromium fetched ${b.fetchedByChromium.files.map((f) => `\`${f}\``).join(', ')} from static/build as the page host served it during the run (its hashes differ from the fresh build's when static/build is older than the source).` : ''}`;
}

/** The targets that were not met, each with the reason, from the figures themselves. */
function unmet(result: BenchResult): string[] {
  const lines: string[] = [];
  const measured = result.sizes.flatMap((size) => size.invocations.flatMap(({ call, step }) => (step.ok ? [{ size, call, f: step.value, r: step.value.result }] : [])));
  const timeouts = measured.filter((m) => m.r.report.outcome === 'timeout');
  for (const size of new Set(timeouts.map((t) => t.size))) {
    const pages = ceilDiv(size.issueCount, SEARCH_PAGE_SIZE);
    const done = timeouts.filter((t) => t.size === size).map((t) => fmtInt(t.r.report.jiraRequests));
    const emulator = size.modelBuild.ok
      ? ` Here only ${done.join(' / ')} requests were made before the cut-off because the emulator itself is slow at this size: the recorded read without latency took ≈ ${fmtMs(size.modelBuild.value.msPerRecordedRequest)} per request, nearly all of it the emulator re-running the JQL over every issue for each page. A faster Jira would get further, but not to the end.`
      : '';
    lines.push(
      `**Page loads time out at ${size.spec.label} (${fmtInt(size.issueCount)} issues).** Every resolver call reads every issue the caller may browse, one search page of ${SEARCH_PAGE_SIZE} after the other (each page needs the previous page's token): ${fullReadRequests(size)} requests, so at least ${fmtInt(pages)} × ${result.latencyMs} ms = ${fmtMs(pages * result.latencyMs)} of latency alone, against Forge's ${UI_RESOLVER_TIMEOUT_MS / 1000} s limit for a UI resolver. On a real site these pages would not open.${emulator}`,
    );
  }
  for (const size of result.sizes) {
    if (!size.modelBuild.ok || size.modelBuild.value.requests <= TARGETS.coldRequests(size.issueCount)) continue;
    const pages = ceilDiv(size.issueCount, SEARCH_PAGE_SIZE);
    lines.push(`**Cold read ≤ ceil(N / ${SEARCH_PAGE_SIZE}) + 5 requests**: even a finished read at ${size.spec.label} makes ${fmtInt(size.modelBuild.value.requests)} requests (counted in the recorded read), over the ceiling of ${fmtInt(TARGETS.coldRequests(size.issueCount))}: ${fmtInt(size.modelBuild.value.requests - pages)} of them are not search pages of issues (field list, project list, and further searches the read makes).`);
  }
  const unlimited = measured.filter((m) => m.f.unlimited);
  if (unlimited.length) {
    const times = unlimited.map((u) => `${fmtMs(u.r.report.durationMs)} for the ${u.call} at ${u.size.spec.label}`).join(' and ');
    lines.push(`Even with Jira answering instantly (the replayed recording, † rows), the resolver's own work takes ${times}, against the ${UI_RESOLVER_TIMEOUT_MS / 1000} s limit: every issue parsed, validated, mapped and built into the model inside one UI invocation.`);
  }
  if (measured.some((m) => m.r.report.jiraRequests > TARGETS.warmRequests)) {
    lines.push(`**Warm page load ≤ ${TARGETS.warmRequests} Jira requests** is not met at any size: there is no warm path yet. Today every page load and every panel is a cold read (field list, project list, every search page), so it stays within the *cold* ceiling in request count where it finishes, but pays that cost each time.`);
  }
  const heavy = measured.filter((m) => m.r.memory.maxRss >= TARGETS.peakMemoryBytes);
  if (heavy.length) {
    const overForge = heavy.some((h) => h.r.memory.maxRss > FORGE_MEMORY_BYTES) ? ` That is above Forge's default of 512 MB too, so Forge would stop such an invocation for memory even without the time limit.` : '';
    lines.push(`**Peak memory < 256 MB** is missed by ${heavy.map((h) => `${h.size.spec.label} ${labelOf(h.call, h.f)} (${fmtBytes(h.r.memory.maxRss)})`).join(', ')}: the read keeps every issue in memory at once (the search results, the work items and the model built from them).${overForge}`);
  }
  const big = measured.filter((m) => (m.r.payloadBytes ?? 0) >= TARGETS.payloadBytes);
  if (big.length) lines.push(`**Responses under 1 MB** is missed by ${big.map((b) => `${b.size.spec.label} ${labelOf(b.call, b.f)} (${fmtBytes(b.r.payloadBytes ?? 0)})`).join(', ')}: the answer carries all its rows at once and grows with N; it needs paging or streaming.`);
  const noAnswer = measured.filter((m) => m.r.payloadBytes === null);
  if (noAnswer.length) lines.push(`No payload size exists for ${noAnswer.map((n) => `${n.size.spec.label} ${n.call}`).join(', ')}: the invocation gave no answer (a † row shows what a finished read would send).`);
  const largest = result.sizes.flatMap((s) => (s.modelBuild.ok ? [{ size: s, v: s.modelBuild.value }] : [])).at(-1);
  if (largest) {
    const { size, v } = largest;
    const rest = `the read also validates every issue with zod (${fmtMs(v.validateMs)}) and maps it to a work item (${fmtMs(v.mapMs)}), so everything after the parse takes ${((v.readMs - v.parseMs) / v.parseMs).toFixed(1)}× the parse`;
    if (v.buildMs >= v.parseMs) lines.push(`**Model build + roll-up faster than JSON.parse** is missed at ${size.spec.label}: ${fmtMs(v.buildMs)} against ${fmtMs(v.parseMs)}; besides, ${rest}.`);
    else if (v.readMs - v.parseMs >= v.parseMs) lines.push(`**Model build + roll-up faster than JSON.parse** is met at ${size.spec.label} by the build itself (${fmtMs(v.buildMs)} against ${fmtMs(v.parseMs)}), but not once the rest of the read is counted: ${rest}.`);
  }
  const slowRender = result.sizes.filter((s) => s.render.ok && (s.render.value.topRowMs > TARGETS.renderMs || (s.render.value.roadmapMs ?? Infinity) > TARGETS.renderMs));
  if (slowRender.length) lines.push(`**Render within 1 s of the data** is missed at ${slowRender.map((s) => s.spec.label).join(', ')}.`);
  const noRender = result.sizes.flatMap((s) => (s.render.ok ? [] : [`${s.spec.label} (${s.render.reason})`]));
  if (noRender.length) lines.push(`No render time exists for ${noRender.join(', ')}.`);
  if (result.bundles.ok) {
    const heavyPages = result.bundles.value.pages.filter((p) => p.gzipBytes >= TARGETS.pageGzipBytes);
    if (heavyPages.length) lines.push(`**Page JavaScript < 300 KB gzipped** is missed by ${heavyPages.map((p) => `${p.page} (${fmtBytes(p.gzipBytes)})`).join(', ')}.`);
  }
  return lines;
}

export function renderMarkdown(result: BenchResult): string {
  const m = result.machine;
  const sizes = result.sizes.map((s) => `${s.spec.label} = ${fmtInt(s.issueCount)} issues (demo scale ${s.spec.scale}, generated in ${fmtMs(s.generateMs)})`).join('; ');
  const misses = unmet(result);
  return `# Benchmarks

Written by \`npm run bench\` (bench/run.ts). Figures for **today's architecture**: every page load and every panel reads
all of Jira the caller may browse, as the caller, and builds the model in the resolver. The snapshot architecture of
issue 7 (event-fed snapshot, warm loads, incremental updates) does not exist yet; its rows are listed as not measured.

- Date: ${result.startedAt.toISOString()}
- Machine: ${m.cpus} CPUs (\`nproc\`), ${m.cpuModel}; ${fmtBytes(m.memoryBytes)} memory; Node ${m.node}; ${m.os}; 1-minute load average ${m.loadAtStart.toFixed(2)} at the start (timings are single runs or medians of a few, on a machine that may be shared)
- Code: ${result.revision}
- Jira emulator latency: **${result.latencyMs} ms added to every REST request** (the network distance to a Jira Cloud site); all traffic on 127.0.0.1
- Portfolios (seeded demo site, seed 42, today = 2026-06-01, read as the Jira admin who browses everything): ${sizes}
- Run time: ${fmtMs(result.elapsedMs)} (steps are planned within ${fmtMs(result.budgetMs)}; a watchdog stops the run at ${fmtMs(result.hardLimitMs)})${result.stoppedEarly ? `; **stopped early: ${result.stoppedEarly}**` : ''}

## Jira requests and wall time per resolver call

One invocation of each resolver through the local Forge runtime (the real handler, Forge's ${UI_RESOLVER_TIMEOUT_MS / 1000} s UI-resolver
limit enforced), each in a fresh resolver process; requests are the runtime's count of the invocation's Jira calls.
Today a page load is both the cold and the warm path. Cold target ceil(N / ${SEARCH_PAGE_SIZE}) + 5; warm target ≤ ${TARGETS.warmRequests}.

${requestsTable(result)}${unlimitedNote(result)}

## Resolver peak memory

The resolver process is separate from the emulator; peak RSS is the kernel's high-water mark for that process
(\`process.resourceUsage().maxRSS\`, which includes Node, the tsx loader and the runtime: see "RSS before", taken after a
forced GC just before the invocation); heap used is sampled every 5 ms. Target: < 256 MB for 100k issues.

${memoryTable(result)}${unlimitedNote(result)}

## Response payload size

Bytes of the resolver's JSON answer (the \`ResolverResponse\` envelope). Target: every response < 1 MB.

${payloadTable(result)}${unlimitedNote(result)}

## Model build against JSON.parse (the floor)

In a process of its own, the app's \`readTransformation\` runs once against a latency-free emulator while every answer is
recorded as text. Then, from memory, each repetition times \`JSON.parse\` of the recorded search answers (the floor), their
zod validation (\`searchPageSchema\`), the mapping of every issue (\`toWorkItem\`), \`buildTransformationModel\` with its
roll-ups on those items, and the whole read replayed from the same texts. Medians. Target: model build + roll-up faster
than the parse; the last columns also count everything else the read does after parsing (validation, mapping).

${modelTable(result)}

## Render in headless Chromium

The global page through the page host as the admin. An init script in the app frame marks (\`performance.now()\`) when an
\`invoke\` answer's body has arrived and when a test id (\`top-progress\`, \`roadmap-row-root\`) first appears in the DOM
plus one animation frame; render time = painted − arrived. Target: ≤ 1 s after the data arrives.

${renderTable(result)}

## Custom UI JavaScript per page, gzipped

A separate Vite build with \`--manifest\` (temporary folder): a page counts its entry chunk, its lazily imported page chunk,
their static imports and the app-code chunks they lazily import; gzip at the default level. The last row sums the
JavaScript files Chromium actually fetched for the global page. Target: < 300 KB per page.

${bundleTable(result)}

## Not measured yet (need the snapshot architecture)

- Cold full build, warm page load and incremental update after 100 changed issues (requests and wall time): there is no snapshot, no product trigger and no scheduled reconcile yet.
- Roadmap scrolling 5,000 rows without dropped frames.

## Targets not met, and why

${misses.length ? misses.map((l) => `- ${l}`).join('\n') : '- None at the measured sizes.'}

What the snapshot work changes: the model is built once, in background invocations that may span many (Forge async
events, up to 900 s each, resumable), and kept current by issue events; a page load then reads a stored snapshot plus
one bulk permission check, so its Jira requests stop growing with N and its wall time stops being pages × latency.
Memory and payload still grow with N, so large views (roadmap rows, backlog) need paging or streaming, and the stored
snapshot must be compact.
`;
}
