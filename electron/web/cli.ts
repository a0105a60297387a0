import { join } from 'node:path';
import { createAppCore } from '../api/core';
import { sessionMediaSource } from '../media/mediaResponse';
import { defaultDocumentsDir } from '../userdata/paths';
import { parseWebCliArguments } from './cliOptions';
import { startWebHost } from './server';

/** `npm run web`: the same UI and API as the desktop app, in a browser, on 127.0.0.1 only. */
async function main(): Promise<void> {
  const options = parseWebCliArguments(process.argv.slice(2));
  const version = process.env.AXIAL_VERSION ?? '0.0.0';
  const core = createAppCore(options.userDataDir, {
    kind: 'web',
    version,
    defaultProjectFolder: defaultDocumentsDir(),
    demoDir: join(__dirname, '..', '..', 'resources', 'demo'),
  });
  const host = await startWebHost({
    dispatch: core.dispatch,
    media: sessionMediaSource(core.context.session),
    rendererDir: join(__dirname, '..', 'renderer'),
    port: options.port,
  });
  console.log(`Axial is running at ${host.launchUrl}`);
  console.log('Open that address in a browser on this computer. Press Ctrl+C to stop.');
  const stop = () => {
    core.shutdown();
    void host.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
