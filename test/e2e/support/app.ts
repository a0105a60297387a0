import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { WebHost } from '../../../electron/web/server';
import { startWebHost } from '../../../electron/web/server';
import type { CoreWorker } from '../../../electron/worker/startCoreWorker';
import { CORE_WORKER_FILE, startCoreWorker } from '../../../electron/worker/startCoreWorker';
import { makeTempDir } from '../../support/tempDir';
import { launchChromium } from './chromium';

/**
 * The real app as a researcher meets it: the built renderer, served by the web
 * host with the built core on its own thread (real handlers, real SQLite
 * files), in Debian's Chromium.
 */
export interface RunningApp {
  folder: string;
  userData: string;
  core: CoreWorker;
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
  const core = await startCoreWorker(join(process.cwd(), 'build', 'electron', CORE_WORKER_FILE), {
    userDataDir: userData,
    kind: 'web',
    version: '0.0.0-e2e',
    defaultProjectFolder: temp.path,
    demoDir: join(process.cwd(), 'resources', 'demo'),
    nativeDialogs: false,
  });
  const latency = options.latency ?? {};
  const host = await startWebHost({
    dispatch: async (method, input) => {
      const result = await core.dispatch(method, input);
      const wait = typeof method === 'string' ? latency[method] : undefined;
      if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
      return result;
    },
    media: core.media,
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
      await core.shutdown();
      temp.remove();
      if (pageErrors.length > 0) throw new Error(`Errors in the page: ${pageErrors.join('; ')}`);
    },
  };
  return app;
}
