import { execFileSync } from 'node:child_process';

/** The end-to-end tests drive the real, built app: build it once per run. */
export default function setup(): void {
  const options = { stdio: 'inherit' as const, env: process.env };
  // The renderer as it ships: vitest sets NODE_ENV=test, which would build React's development
  // bundle (StrictMode's doubled effects included) instead.
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    ...options,
    env: { ...process.env, NODE_ENV: 'production' },
  });
  execFileSync(process.execPath, ['scripts/build-electron.mjs'], options);
}
