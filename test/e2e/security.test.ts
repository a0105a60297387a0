import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { spawn } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningApp } from './support/app';
import { startApp } from './support/app';
import { makeTempDir } from '../support/tempDir';

let app: RunningApp;
let outside: Server;
let outsideHits: string[];
let outsidePort: number;

beforeEach(async () => {
  app = await startApp();
  // Stands in for "the internet": a server the page must never reach.
  outsideHits = [];
  outside = createServer((request, response) => {
    outsideHits.push(request.url ?? '');
    response.setHeader('access-control-allow-origin', '*');
    response.end('leaked');
  });
  await new Promise<void>((resolve) => outside.listen(0, '127.0.0.1', () => resolve()));
  outsidePort = (outside.address() as AddressInfo).port;
});
afterEach(async () => {
  outside.closeAllConnections();
  await new Promise((resolve) => outside.close(resolve));
  await app.stop();
});

describe('navigation and network lock', () => {
  it('stops a page script from fetching an outside URL, opening a socket, or opening a window', async () => {
    const { page } = app;
    await page.getByRole('heading', { name: 'New project' }).waitFor();
    const target = `http://localhost:${outsidePort}`;
    const outcome = await page.evaluate(async (url) => {
      const results: Record<string, string> = {};
      try {
        await fetch(`${url}/fetch`);
        results.fetch = 'reached';
      } catch {
        results.fetch = 'blocked';
      }
      results.socket = await new Promise<string>((resolve) => {
        try {
          const socket = new WebSocket(`${url.replace('http', 'ws')}/socket`);
          socket.onopen = () => resolve('reached');
          socket.onerror = () => resolve('blocked');
        } catch {
          resolve('blocked');
        }
      });
      const opened = window.open(`${url}/window`, '_blank');
      results.window = opened === null ? 'blocked' : 'opened';
      const image = new Image();
      results.image = await new Promise<string>((resolve) => {
        image.onload = () => resolve('reached');
        image.onerror = () => resolve('blocked');
        image.src = `${url}/image.png`;
      });
      return results;
    }, target);
    expect(outcome).toEqual({
      fetch: 'blocked',
      socket: 'blocked',
      window: 'blocked',
      image: 'blocked',
    });
    expect(app.context.pages()).toHaveLength(1);
    expect(outsideHits).toEqual([]);
  });

  it('refuses API calls that do not carry this run’s token', async () => {
    const { page } = app;
    await page.getByRole('heading', { name: 'New project' }).waitFor();
    const status = await page.evaluate(async () => {
      const response = await fetch('api/app.info', { method: 'POST', body: '{}' });
      return response.status;
    });
    expect(status).toBe(401);
  });
});

describe('npm run web', () => {
  it('prints a loopback URL with its token, serves the start screen there, and refuses requests without the token', async () => {
    const userData = makeTempDir();
    const child = spawn(
      process.execPath,
      ['build/electron/web.cjs', '--port', '0', '--user-data', userData.path],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      const launchUrl = await new Promise<string>((resolve, reject) => {
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+/.exec(output);
          if (match) resolve(match[0]);
        });
        child.on('exit', (code) => reject(new Error(`web host exited with ${code}: ${output}`)));
      });
      const base = launchUrl.slice(0, launchUrl.indexOf('#'));
      const refused = await fetch(`${base}api/app.info`, { method: 'POST', body: '{}' });
      expect(refused.status).toBe(401);

      const page = await app.context.newPage();
      await page.goto(launchUrl);
      await page.getByRole('heading', { name: 'New project' }).waitFor();
      // The token left the address bar once the page had it.
      expect(page.url()).toBe(base);
      await page.close();
    } finally {
      child.kill('SIGTERM');
      userData.remove();
    }
  });
});
