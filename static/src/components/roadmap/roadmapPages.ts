/**
 * The roadmap's rows as pages fetched around the viewport, up to MAX_ROWS_KEPT rows kept. While a new question
 * (another collapse) is first answered, the previous answers stay on screen, so rows (and the focused one) do not
 * blink away. No React here.
 */
import type { DependencyDto, MilestoneDto, RoadmapDto, RoadmapQueryDto, RoadmapRowDto } from '../../../../src/contract';

export const PAGE_ROWS = 200;
/**
 * Rows kept (a page is ≤ ~100 KB): enough that scrolling through 5,000 rows and back fetches nothing twice.
 * Beyond it the pages furthest from the viewport go first.
 */
export const MAX_ROWS_KEPT = 6000;
const MAX_PAGES = Math.ceil(MAX_ROWS_KEPT / PAGE_ROWS);
/** Each page reads Jira on the server, so a fast scroll must not ask for every page it passes. */
const MAX_IN_FLIGHT = 2;
/** Closer than this to a page's edge, the neighbouring page is fetched too. */
const PREFETCH_ROWS = 50;

type Page = { state: 'loading' } | { state: 'ready'; answer: RoadmapDto } | { state: 'error'; message: string };

/** What a page is asked: everything but the window. */
export type RoadmapQuestion = Omit<RoadmapQueryDto, 'window'>;

interface Generation {
  question: RoadmapQuestion;
  key: string;
  pages: Map<number, Page>;
  latest: RoadmapDto | null;
}

export interface PageRequest {
  key: string;
  page: number;
  query: RoadmapQueryDto;
}

/** What the grid draws: every figure comes from one generation of answers, never a mix. */
export interface RoadmapPagesView {
  /** The latest answer (today, total, timeline, unscheduled); null before the first. */
  latest: RoadmapDto | null;
  totalRows: number;
  /** The row at an index among the rows showing; undefined while its page loads or after it failed. */
  rowAt: (index: number) => RoadmapRowDto | undefined;
  /** The row's page could not be read (as opposed to still loading). */
  failedAt: (index: number) => boolean;
  milestonesByRow: ReadonlyMap<string, MilestoneDto[]>;
  /** Of every page held, each once. */
  dependencies: DependencyDto[];
  /** A page the viewport needs could not be read. */
  error: string | null;
  /** Rows on screen are loading or are the previous question's. */
  busy: boolean;
}

const pageOf = (index: number): number => Math.floor(Math.max(0, index) / PAGE_ROWS);
const newGeneration = (question: RoadmapQuestion): Generation => ({ question, key: JSON.stringify(question), pages: new Map(), latest: null });

export class RoadmapPages {
  private current: Generation;
  private previous: Generation | null = null;
  private wanted: number[] = [0];
  private rereads = 0;
  /** What the view derives from the ready answers, kept while they are the same (a request starting changes none). */
  private derived: { answers: readonly RoadmapDto[]; milestonesByRow: Map<string, MilestoneDto[]>; dependencies: DependencyDto[] } | null = null;

  constructor(question: RoadmapQuestion) {
    this.current = newGeneration(question);
  }

  /** Asks a new question; the answers so far stay shown until its first answer. Returns whether it was new. */
  ask(question: RoadmapQuestion): boolean {
    const next = newGeneration(question);
    if (next.key === this.current.key) return false;
    if (this.current.latest !== null) this.previous = this.current;
    this.current = next;
    return true;
  }

  /** Reads the same question again (after an edit); the rows so far stay shown until its first answer. */
  reread(): void {
    if (this.current.latest !== null) this.previous = this.current;
    this.rereads += 1;
    // A key of its own, so an answer to the read before is dropped.
    this.current = { ...newGeneration(this.current.question), key: `${this.current.key}#${this.rereads}` };
  }

  /** Rows first..last are on screen: their pages first, then a neighbour when close to its edge. Returns whether `busy` changed. */
  want(first: number, last: number): boolean {
    const wasBusy = this.busy();
    const total = this.knownTotal();
    const lastPage = total === undefined ? Infinity : Math.max(0, pageOf(total - 1));
    const pages = new Set<number>();
    for (let page = pageOf(first); page <= Math.min(pageOf(last), lastPage); page += 1) pages.add(page);
    pages.add(Math.min(lastPage, pageOf(last + PREFETCH_ROWS)));
    pages.add(pageOf(first - PREFETCH_ROWS));
    this.wanted = [...pages];
    this.evict();
    return this.busy() !== wasBusy;
  }

  /** The next page to fetch, marked as loading; null when none is missing or enough are on their way. */
  nextRequest(): PageRequest | null {
    const { pages, question, key } = this.current;
    const inFlight = [...pages.values()].filter((page) => page.state === 'loading').length;
    const total = this.knownTotal();
    const page = this.wanted.find((n) => !pages.has(n) && (n === 0 || total === undefined || n * PAGE_ROWS < total));
    if (inFlight >= MAX_IN_FLIGHT || page === undefined) return null;
    pages.set(page, { state: 'loading' });
    return { key, page, query: { ...question, window: { offset: page * PAGE_ROWS, limit: PAGE_ROWS } } };
  }

  /** Stores what a request got; an answer to an older question is dropped (returns false). */
  settle(request: PageRequest, outcome: { answer: RoadmapDto } | { message: string }): boolean {
    if (request.key !== this.current.key) return false;
    if ('answer' in outcome) {
      this.current.pages.set(request.page, { state: 'ready', answer: outcome.answer });
      this.current.latest = outcome.answer;
      this.previous = null;
    } else this.current.pages.set(request.page, { state: 'error', message: outcome.message });
    this.evict();
    return true;
  }

  /** Forgets the failed pages, so they are asked again. */
  retry(): void {
    for (const [n, page] of this.current.pages) if (page.state === 'error') this.current.pages.delete(n);
  }

  view(): RoadmapPagesView {
    const shown = this.current.latest === null && this.previous !== null ? this.previous : this.current;
    const ready = [...shown.pages.values()].flatMap((page) => (page.state === 'ready' ? [page.answer] : []));
    const derived = this.derive(ready);
    const pageAt = (index: number) => shown.pages.get(pageOf(index));
    const failed = this.wanted.map((n) => this.current.pages.get(n)).find((page) => page?.state === 'error');
    return {
      latest: shown.latest,
      totalRows: shown.latest?.totalRows ?? 0,
      rowAt: (index) => {
        const page = pageAt(index);
        return page?.state === 'ready' ? page.answer.rows[index - page.answer.offset] : undefined;
      },
      failedAt: (index) => pageAt(index)?.state === 'error',
      milestonesByRow: derived.milestonesByRow,
      dependencies: derived.dependencies,
      error: failed?.state === 'error' ? failed.message : null,
      busy: this.busy(),
    };
  }

  /** Rows on screen are the previous question's, or their pages are on their way or not yet asked for. */
  private busy(): boolean {
    const shown = this.current.latest === null && this.previous !== null ? this.previous : this.current;
    const total = this.knownTotal();
    const missing = (n: number) => total === undefined || n * PAGE_ROWS < total;
    return shown !== this.current || this.wanted.some((n) => {
      const page = this.current.pages.get(n);
      return page === undefined ? missing(n) : page.state === 'loading';
    });
  }

  private derive(answers: readonly RoadmapDto[]) {
    const last = this.derived;
    if (last && last.answers.length === answers.length && last.answers.every((answer, i) => answer === answers[i])) return last;
    this.derived = { answers, milestonesByRow: milestonesByRow(answers), dependencies: uniqueDependencies(answers) };
    return this.derived;
  }

  private knownTotal(): number | undefined {
    return (this.current.latest ?? this.previous?.latest)?.totalRows;
  }

  /** Drops the pages furthest from the viewport beyond MAX_PAGES, never one wanted or loading. */
  private evict(): void {
    const { pages } = this.current;
    if (pages.size <= MAX_PAGES) return;
    const centre = this.wanted[0] ?? 0;
    const spare = [...pages.entries()].filter(([n, page]) => page.state !== 'loading' && !this.wanted.includes(n)).map(([n]) => n);
    spare.sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    for (const n of spare.slice(0, pages.size - MAX_PAGES)) pages.delete(n);
  }
}

/** Each answer's milestones by row, worked out once per answer: a row's list stays the same array while its page is kept. */
const milestonesOfAnswer = new WeakMap<RoadmapDto, Map<string, MilestoneDto[]>>();

function answerMilestones(answer: RoadmapDto): Map<string, MilestoneDto[]> {
  let byRow = milestonesOfAnswer.get(answer);
  if (byRow) return byRow;
  byRow = new Map();
  for (const milestone of answer.milestones) {
    const list = byRow.get(milestone.rowId);
    if (list) list.push(milestone);
    else byRow.set(milestone.rowId, [milestone]);
  }
  milestonesOfAnswer.set(answer, byRow);
  return byRow;
}

function milestonesByRow(answers: readonly RoadmapDto[]): Map<string, MilestoneDto[]> {
  const byRow = new Map<string, MilestoneDto[]>();
  for (const answer of answers) {
    for (const [rowId, milestones] of answerMilestones(answer)) {
      const list = byRow.get(rowId);
      byRow.set(rowId, list ? [...list, ...milestones] : milestones);
    }
  }
  return byRow;
}

/** A dependency across two pages comes with both; it is drawn once. */
function uniqueDependencies(answers: readonly RoadmapDto[]): DependencyDto[] {
  const seen = new Map<string, DependencyDto>();
  for (const dependency of answers.flatMap((answer) => answer.dependencies)) seen.set(`${dependency.fromRowId}\u0000${dependency.toRowId}`, dependency);
  return [...seen.values()];
}
