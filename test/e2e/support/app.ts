import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AppCore } from '../../../electron/api/core';
import { createAppCore } from '../../../electron/api/core';
import type { WebHost } from '../../../electron/web/server';
import { sessionMediaSource } from '../../../electron/media/mediaResponse';
import { startWebHost } from '../../../electron/web/server';
import { makeTempDir } from '../../support/tempDir';
import { launchChromium } from './chromium';

/**
 * The real app as a researcher meets it: the built renderer, served by the web
 * host with the real handlers and real SQLite files, in Debian's Chromium.
 */
export interface RunningApp {
  folder: string;
  userData: string;
  core: AppCore;
  host: WebHost;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** A path for a project file in this test's own folder. */
  projectPath(name: string): string;
  /** Opens the app in a fresh tab, as after a restart of the browser. */
  reopen(): Promise<Page>;
  stop(): Promise<void>;
}

export interface AppOptions {
  /**
   * Milliseconds a method's answer takes, on top of the real work: a test
   * widens the moment between a request and its answer to act inside it.
   */
  latency?: Partial<Record<string, number>>;
}

export async function startApp(options: AppOptions = {}): Promise<RunningApp> {
  const temp = makeTempDir('axial-e2e-');
  const userData = join(temp.path, 'user-data');
  const core = createAppCore(userData, {
    kind: 'web',
    version: '0.0.0-e2e',
    defaultProjectFolder: temp.path,
    demoDir: join(process.cwd(), 'resources', 'demo'),
  });
  const latency = options.latency ?? {};
  const host = await startWebHost({
    dispatch: async (method, input) => {
      const result = await core.dispatch(method, input);
      const wait = typeof method === 'string' ? latency[method] : undefined;
      if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
      return result;
    },
    media: sessionMediaSource(core.context.session),
    rendererDir: join(process.cwd(), 'build', 'renderer'),
  });
  const browser = await launchChromium();
  const context = await browser.newContext();
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(host.launchUrl);
  const app: RunningApp = {
    folder: temp.path,
    userData,
    core,
    host,
    browser,
    context,
    page,
    projectPath: (name) => join(temp.path, name),
    async reopen() {
      await app.page.close();
      app.page = await context.newPage();
      await app.page.goto(host.launchUrl);
      return app.page;
    },
    async stop() {
      await browser.close();
      await host.close();
      core.shutdown();
      temp.remove();
      if (pageErrors.length > 0) throw new Error(`Errors in the page: ${pageErrors.join('; ')}`);
    },
  };
  return app;
}
