/**
 * Corpus (a): a 300,000-character interview with 5,000 codings, opened in
 * Chromium through the real UI; typing and coding measured in the page.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../test/e2e/support/chromium';
import { vocabulary } from './corpus';
import { startHostProcess } from './hostProcess';
import { typingFlushes } from './typing';
import { selectText } from '../test/e2e/support/editor';
import type { Measurement } from './measure';
import { median, percentile, seeded } from './measure';

const words = vocabulary;

async function once(characters: number, codingCount: number, title: string) {
  const folder = mkdtempSync(join(tmpdir(), 'axial-bench-'));
  const host = await startHostProcess(join(folder, 'user-data'));
  const browser = await launchChromium();
  const call = <T>(method: string, input: unknown) => host.call<T>(method, input);
  try {
    const random = seeded(42);
    const projectPath = join(folder, 'bench.axial');
    await call('projects.create', { path: projectPath, title: 'Bench' });
    const lines: string[] = [];
    let total = 0;
    while (total < characters) {
      const count = 15 + Math.floor(random() * 25);
      const line = `${random() < 0.5 ? 'DGS' : 'Enquêteur'} : ${Array.from({ length: count }, () => words[Math.floor(random() * words.length)]).join(' ')}.`;
      lines.push(line);
      total += line.length + 1;
    }
    const transcript = await call<{ id: string; length: number }>('documents.import', {
      fileName: `${title}.txt`,
      data: Buffer.from(lines.join('\n')),
    });
    const axis = await call<{ id: string }>('codes.create', { name: 'Axis' });
    const codeIds: string[] = [];
    for (let index = 0; index < 20; index += 1)
      codeIds.push(
        (await call<{ id: string }>('codes.create', { parentId: axis.id, name: `Code ${index}` }))
          .id,
      );
    // The codings go straight into the file (the host has it open, idle, in WAL mode): set-up, not measured.
    const db = new Database(projectPath);
    db.pragma('busy_timeout = 5000');
    const insert = db.prepare(
      `INSERT INTO coding (id, document_id, code_id, start, "end", memo, coder, created_at, modified_at) VALUES (?, ?, ?, ?, ?, '', 'bench', 'x', 'x')`,
    );
    db.transaction(() => {
      for (let index = 0; index < codingCount; index += 1) {
        const start = Math.floor(random() * (transcript.length - 300));
        insert.run(
          crypto.randomUUID(),
          transcript.id,
          codeIds[index % 20],
          start,
          start + 10 + Math.floor(random() * 200),
        );
      }
    })();
    db.close();

    // The main-process side of typing near the start: steps applied, 5,000 codings carried, all stored.
    const flush = await typingFlushes(call, transcript.id, 100, 10);

    const page = await browser.newPage();
    await page.goto(host.launchUrl);
    await page.getByTestId('project-title').waitFor();
    await page.setViewportSize({ width: 1400, height: 900 });
    await page
      .getByRole('navigation')
      .getByRole('button', { name: 'Documents', exact: true })
      .click();
    const openStarted = Date.now();
    await page.getByRole('button', { name: new RegExp(`^${title}`) }).click();
    await page.waitForFunction(
      (count) => document.querySelectorAll('.coding').length >= count,
      codingCount,
      { timeout: 60_000, polling: 20 },
    );
    const open = Date.now() - openStarted;

    await selectText(page, lines[5]!.slice(12, 40));
    // In the page: from the click on a code to the highlight in the document.
    const coding = await page.evaluate(async () => {
      const before = document.querySelectorAll('.coding').length;
      const button = document.querySelector<HTMLButtonElement>(
        'button[aria-label="Apply Code 3 to the selection"]',
      )!;
      const started = performance.now();
      button.click();
      await new Promise<void>((resolve) => {
        const check = () =>
          document.querySelectorAll('.coding').length > before
            ? resolve()
            : requestAnimationFrame(check);
        check();
      });
      return performance.now() - started;
    });

    await page.locator('.coding').nth(10).click();
    await page.keyboard.press('Escape');
    // Per keystroke, in the page: the key's input handled and the next frame painted.
    const keystrokes = await page.evaluate(async () => {
      const times: number[] = [];
      for (let index = 0; index < 100; index += 1) {
        const started = performance.now();
        document.execCommand('insertText', false, 'x');
        await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
        times.push(performance.now() - started);
      }
      return times;
    });
    const memory = host.peakMb() * 1048576;
    // Chromium's own measure of the page's JavaScript heap (non-standard, present in Chromium).
    const rendererHeap = await page.evaluate(
      () =>
        (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize,
    );
    return {
      open,
      coding,
      keystrokeMedian: median(keystrokes),
      keystrokeP95: percentile(keystrokes, 0.95),
      flush,
      hostRss: memory,
      rendererHeap,
    };
  } finally {
    await browser.close();
    await host.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

export async function benchLongTranscript(runs: number): Promise<Measurement[]> {
  const results: Awaited<ReturnType<typeof once>>[] = [];
  const small: Awaited<ReturnType<typeof once>>[] = [];
  for (let run = 0; run < runs; run += 1) {
    results.push(await once(300_000, 5000, 'long'));
    // The baseline: the same actions on a 3,000-character interview with 50 codings.
    small.push(await once(3_000, 50, 'short'));
  }
  const middle = (pick: (run: Awaited<ReturnType<typeof once>>) => number) =>
    median(results.map(pick));
  const base = (pick: (run: Awaited<ReturnType<typeof once>>) => number) => median(small.map(pick));
  const group =
    'Corpus (a): one transcript of 300,000 characters, 5,000 codings (Chromium, real UI)';
  const rendererMb = Math.round(middle((run) => run.rendererHeap) / 1048576);
  const hostPeakMb = Math.round(middle((run) => run.hostRss) / 1048576);
  return [
    {
      group,
      name: 'Open, every highlight drawn',
      unit: 'ms',
      value: middle((run) => run.open),
      baseline: base((run) => run.open),
      budget: 1000,
      rendererMb,
      hostPeakMb,
    },
    {
      group,
      name: 'A new coding drawn',
      unit: 'ms',
      value: middle((run) => run.coding),
      baseline: base((run) => run.coding),
      budget: 50,
    },
    {
      group,
      name: 'Keystroke inside a coded passage, median',
      unit: 'ms',
      value: middle((run) => run.keystrokeMedian),
      baseline: base((run) => run.keystrokeMedian),
      budget: 50,
    },
    {
      group,
      name: 'Keystroke, 95th percentile',
      unit: 'ms',
      value: middle((run) => run.keystrokeP95),
      baseline: base((run) => run.keystrokeP95),
      budget: 100,
    },
    {
      group,
      name: 'Typing flush in the main process (steps, 5,000 ranges, text, index)',
      unit: 'ms',
      value: middle((run) => run.flush),
      baseline: base((run) => run.flush),
      budget: 30,
    },
    {
      group,
      name: 'Host process peak memory (its own process)',
      unit: 'MB',
      value: hostPeakMb,
      budget: 300,
    },
    { group, name: 'Renderer JavaScript heap', unit: 'MB', value: rendererMb },
  ];
}
