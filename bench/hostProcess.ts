import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { httpTransport } from '../renderer/api/transport';
import type { MethodName } from '../shared/contract/api';

export interface HostProcess {
  launchUrl: string;
  call<T>(method: string, input: unknown): Promise<T>;
  /** A recording's bytes as the player asks for them, with the run's token. */
  media(recordingId: string, range: string): Promise<{ status: number; bytes: number }>;
  /** The host's peak resident memory so far, in MB (Linux's VmHWM). */
  peakMb(): number;
  stop(): Promise<void>;
}

/**
 * The web host in a process of its own (`build/electron/web.cjs`), as a
 * researcher runs it: its memory is then the host's alone, not the benchmark's.
 */
export async function startHostProcess(userDataDir: string): Promise<HostProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['build/electron/web.cjs', '--port', '0', '--user-data', userDataDir],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const launchUrl = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`The web host stopped (${code}): ${output}`)));
  });
  const url = new URL(launchUrl);
  const token = /token=([^&]+)/.exec(url.hash)![1]!;
  const transport = httpTransport(token, `${url.origin}/`);
  return {
    launchUrl,
    async call<T>(method: string, input: unknown): Promise<T> {
      // The page's own client: files go up and come back as framed bytes.
      const result = await transport(method as MethodName, input);
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      return result.value as T;
    },
    async media(recordingId, range) {
      const response = await fetch(`${url.origin}/media/${recordingId}?token=${token}`, {
        headers: { range },
      });
      return { status: response.status, bytes: (await response.arrayBuffer()).byteLength };
    },
    peakMb() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kilobytes = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return Math.round(kilobytes / 1024);
    },
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * One export's peak in a web host of its own, as a researcher runs it: a fresh
 * host opens a copy of the corpus (the benchmark's core holds the original's
 * lock) and runs the call once. Its baseline is the host with the project open.
 */
export async function exportPeakInOwnHost(
  userDataDir: string,
  projectCopy: string,
  method: string,
  input: unknown,
): Promise<{ openedMb: number; peakMb: number }> {
  const host = await startHostProcess(userDataDir);
  try {
    await host.call('projects.open', { path: projectCopy });
    const openedMb = host.peakMb();
    await host.call(method, input);
    return { openedMb, peakMb: host.peakMb() };
  } finally {
    await host.stop();
  }
}
