import { earliestStartX, initialScrollLeft, START_MARGIN } from '../../../static/src/components/roadmap/initialScroll';

describe('where the roadmap opens', () => {
  it('puts today a third of the way in when no bar on screen starts before that', () => {
    expect(initialScrollLeft({ todayX: 900, earliestStartX: 800, viewportWidth: 600 })).toBe(700);
  });

  it('starts just before the earliest bar on screen when it starts further left, so it is not cut off', () => {
    expect(initialScrollLeft({ todayX: 900, earliestStartX: 300, viewportWidth: 600 })).toBe(300 - START_MARGIN);
  });

  it('never scrolls before the timeline, and opens at its start with nothing to place', () => {
    expect(initialScrollLeft({ todayX: 100, earliestStartX: 10, viewportWidth: 600 })).toBe(0);
    expect(initialScrollLeft({ todayX: null, earliestStartX: null, viewportWidth: 600 })).toBe(0);
    expect(initialScrollLeft({ todayX: null, earliestStartX: 500, viewportWidth: 600 })).toBe(500 - START_MARGIN);
  });

  it('takes a bar with only a due date as starting there, and skips rows without dates or not loaded', () => {
    const xOf = (iso: string) => Number(iso.slice(8, 10)) * 10;
    expect(earliestStartX([{ start: '2026-01-20', due: '2026-01-25' }, undefined, { start: null, due: '2026-01-05' }, { start: null, due: null }], xOf)).toBe(50);
    expect(earliestStartX([undefined, { start: null, due: null }], xOf)).toBeNull();
  });
});
