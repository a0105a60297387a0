import { execFileSync } from 'node:child_process';

/** The end-to-end tests drive the real, built app: build it once per run. */
export default function setup(): void {
  const options = { stdio: 'inherit' as const, env: process.env };
  execFileSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'],
    options,
  );
  execFileSync(process.execPath, ['scripts/build-electron.mjs'], options);
}
