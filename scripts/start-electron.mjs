// `npm start`: launches Electron on the built app. Electron's binary is
// downloaded on first use (its package has no install script), so a fresh
// clone needs nothing more than `npm install`.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// First, as in every entry point: an older Node gets a message, not a crash.
const { exitUnlessSupportedNode, packageMinimum } = require('./require-node.cjs');
exitUnlessSupportedNode(packageMinimum());

const { spawn } = await import('node:child_process');
const cli = require.resolve('electron/cli.js');
const child = spawn(process.execPath, [cli, '.'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
