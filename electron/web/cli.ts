import { join } from 'node:path';
import { defaultDocumentsDir } from '../userdata/paths';
import { CORE_WORKER_FILE, startCoreWorker } from '../worker/startCoreWorker';
import { parseWebCliArguments } from './cliOptions';
import { startWebHost } from './server';

/** `npm run web`: the same UI and API as the desktop app, in a browser, on 127.0.0.1 only. */
async function main(): Promise<void> {
  const options = parseWebCliArguments(process.argv.slice(2));
  const version = process.env.AXIAL_VERSION ?? '0.0.0';
  // The core on its own thread, as in the desktop app: HTTP and media answer while it works.
  const core = await startCoreWorker(join(__dirname, CORE_WORKER_FILE), {
    userDataDir: options.userDataDir,
    kind: 'web',
    version,
    defaultProjectFolder: defaultDocumentsDir(),
    demoDir: join(__dirname, '..', '..', 'resources', 'demo'),
    nativeDialogs: false,
  });
  const host = await startWebHost({
    dispatch: core.dispatch,
    media: core.media,
    rendererDir: join(__dirname, '..', 'renderer'),
    port: options.port,
  });
  console.log(`Axial is running at ${host.launchUrl}`);
  console.log('Open that address in a browser on this computer. Press Ctrl+C to stop.');
  const stop = () => {
    void host
      .close()
      .then(() => core.shutdown())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
