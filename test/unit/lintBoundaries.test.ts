import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function restrictedImportErrors(file: string, source: string): Promise<number> {
  const [result] = await eslint.lintText(source, { filePath: file });
  return (
    result?.messages.filter((message) => message.ruleId === 'no-restricted-imports').length ?? 0
  );
}

describe('layer boundaries', () => {
  it('keep the renderer away from Node, Electron, SQLite and the main process', async () => {
    expect(
      await restrictedImportErrors(
        'renderer/probe.ts',
        "import { readFileSync } from 'node:fs';\nreadFileSync('x');\n",
      ),
    ).toBe(1);
    expect(
      await restrictedImportErrors(
        'renderer/probe.ts',
        "import fs from 'fs';\nfs.readFileSync('x');\n",
      ),
    ).toBe(1);
    expect(
      await restrictedImportErrors(
        'renderer/probe.ts',
        "import Database from 'better-sqlite3';\nnew Database('x');\n",
      ),
    ).toBe(1);
    expect(
      await restrictedImportErrors(
        'renderer/probe.ts',
        "import { handlers } from '../electron/api/dispatcher';\nconsole.log(handlers);\n",
      ),
    ).toBe(1);
    expect(
      await restrictedImportErrors(
        'renderer/probe.ts',
        "import { contract } from '../shared/contract/api';\nconsole.log(contract);\n",
      ),
    ).toBe(0);
  });

  it('keep shared/ free of either side', async () => {
    expect(
      await restrictedImportErrors(
        'shared/probe.ts',
        "import { App } from '../renderer/App';\nconsole.log(App);\n",
      ),
    ).toBe(1);
    expect(
      await restrictedImportErrors(
        'shared/probe.ts',
        "import { handlers } from '../electron/api/dispatcher';\nconsole.log(handlers);\n",
      ),
    ).toBe(1);
    expect(
      await restrictedImportErrors(
        'shared/probe.ts',
        "import { join } from 'node:path';\nconsole.log(join);\n",
      ),
    ).toBe(1);
  });

  it('keep electron/ from the renderer, and from Electron’s runtime outside main and preload', async () => {
    expect(
      await restrictedImportErrors(
        'electron/probe.ts',
        "import { App } from '../renderer/App';\nconsole.log(App);\n",
      ),
    ).toBe(1);
    expect(
      await restrictedImportErrors(
        'electron/store/probe.ts',
        "import { app } from 'electron';\nconsole.log(app);\n",
      ),
    ).toBe(1);
    expect(
      await restrictedImportErrors(
        'electron/store/probe.ts',
        "import type { App } from 'electron';\nexport type A = App;\n",
      ),
    ).toBe(0);
  });
});
