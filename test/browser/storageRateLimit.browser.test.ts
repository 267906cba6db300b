import type { Browser } from 'playwright-core';
import { DEMO_USERS } from '../../dev/demo/generate';
import type { LocalPlatform } from '../../dev/platform';
import { FORGE_KVS_QUOTA } from '../../dev/runtime/kvs';
import { launchChromium } from '../support/browser';
import { startTestPlatform } from '../support/platform';

/** Forge's KVS refuses the app's reads for a minute (its per-installation quota): the page says so where it matters. */
describe('a page while Forge storage rate-limits the app, in a browser', () => {
  let platform: LocalPlatform;
  let browser: Browser;

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startTestPlatform(), launchChromium()]);
  }, 60_000);
  afterAll(async () => {
    platform?.runtime.kvs.setQuota({ readUnitsPerMinute: FORGE_KVS_QUOTA.readUnitsPerMinute });
    await browser?.close();
    await platform?.close();
  });

  it('a panel opened meanwhile shows the clear message, the figures already shown stay, and Try again loads it once reads are allowed', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await context.addCookies([{ name: 'to_user', value: DEMO_USERS.admin, url: platform.host.url }]);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(platform.host.url);
    const app = page.frameLocator('#forge-app');
    const progress = app.getByTestId('top-progress');
    await progress.waitFor({ timeout: 30_000 });
    const shown = await progress.textContent();

    // The page load's reads used this minute's quota: every further read is refused with 429 RATE_LIMIT_EXCEEDED.
    platform.runtime.kvs.setQuota({ readUnitsPerMinute: 1 });
    await app.getByTestId('tab-backlog').click();
    // Another panel still loading when the reads were refused says the same; the backlog's is the one asked for.
    const backlog = app.getByRole('tabpanel', { name: 'Backlog' });
    const message = backlog.getByTestId('error-message');
    await message.waitFor({ timeout: 30_000 });
    expect(await message.textContent()).toBe('Forge storage is rate-limiting the app; figures will be back in about a minute.');
    expect(await progress.textContent()).toBe(shown);

    platform.runtime.kvs.setQuota({ readUnitsPerMinute: FORGE_KVS_QUOTA.readUnitsPerMinute });
    await backlog.getByRole('button', { name: 'Try again' }).click();
    await backlog.getByTestId('backlog-total').waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
  });
});
