import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type FrameLocator, type Page } from 'playwright-core';

export const ARTIFACTS = path.resolve(__dirname, '..', '..', 'test-artifacts');

/** Debian's Chromium, headless, with the flags this closed network needs. */
export async function launchChromium(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface AppPage {
  context: BrowserContext;
  page: Page;
  /** The app's own frame inside the page host's Jira-like page. */
  app: FrameLocator;
  /** Uncaught errors the page raised; a test ends by expecting none. */
  errors: string[];
}

/** Opens a page of the local page host in a new browser context, as a user and in a theme, once the app's top row shows. */
export async function openAppPage(
  browser: Browser,
  hostUrl: string,
  pathname: string,
  { accountId, theme, acceptDownloads = false, defaultTimeoutMs }: { accountId: string; theme?: 'light' | 'dark'; acceptDownloads?: boolean; defaultTimeoutMs?: number },
): Promise<AppPage> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads });
  if (defaultTimeoutMs !== undefined) context.setDefaultTimeout(defaultTimeoutMs);
  await context.addCookies([{ name: 'to_user', value: accountId, url: hostUrl }, ...(theme ? [{ name: 'to_theme', value: theme, url: hostUrl }] : [])]);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${hostUrl}${pathname}`);
  const app = page.frameLocator('#forge-app');
  await app.getByTestId('top-progress').waitFor({ timeout: 30_000 });
  return { context, page, app, errors };
}
