import { join } from 'node:path';
import type { AppCore } from '../../electron/api/core';
import { createAppCore } from '../../electron/api/core';
import type { HostServices } from '../../electron/api/context';

/** A real app core (real handlers, real SQLite) with a user-data folder of the test's own. */
export function testCore(userDataDir: string, host: Partial<HostServices> = {}): AppCore {
  return createAppCore(userDataDir, {
    kind: 'web',
    version: '0.0.0-test',
    defaultProjectFolder: userDataDir,
    demoDir: join(process.cwd(), 'resources', 'demo'),
    ...host,
  });
}
