/**
 * The long-transcript measurements of the transcripts issue: a 300,000-character
 * interview with 5,000 codings, opened in Chromium through the real UI.
 * Run with `npm run bench`. The full benchmark (baselines, ratios, corpora) is
 * the benchmark issue's; this is its first part.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Transform } from '@tiptap/pm/transform';
import { documentFromJson, documentSchema } from '../shared/editor/schema';
import { buildTextIndex, offsetToPosition } from '../shared/text/textIndex';
import { startApp } from '../test/e2e/support/app';
import { selectText } from '../test/e2e/support/editor';

const RUNS = 3;
const words = [
  'le',
  'projet',
  'métropole',
  'élus',
  'habitants',
  'comité',
  'ville',
  'intelligente',
  'données',
  'numérique',
  'services',
  'agents',
  'pilotage',
  'stratégie',
  'ouverture',
  '😀',
];

function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!;
}

async function once() {
  const app = await startApp();
  const call = async <T>(method: string, input: unknown) => {
    const result = await app.core.dispatch(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  };
  try {
    const random = seeded(42);
    await call('projects.create', { path: app.projectPath('bench.axial'), title: 'Bench' });
    const lines: string[] = [];
    let total = 0;
    while (total < 300_000) {
      const count = 15 + Math.floor(random() * 25);
      const line = `${random() < 0.5 ? 'DGS' : 'Enquêteur'} : ${Array.from({ length: count }, () => words[Math.floor(random() * words.length)]).join(' ')}.`;
      lines.push(line);
      total += line.length + 1;
    }
    const transcript = await call<{ id: string; length: number }>('documents.import', {
      fileName: 'long.txt',
      data: Buffer.from(lines.join('\n')).toString('base64'),
    });
    const axis = await call<{ id: string }>('codes.create', { name: 'Axis' });
    const codeIds: string[] = [];
    for (let index = 0; index < 20; index += 1)
      codeIds.push(
        (await call<{ id: string }>('codes.create', { parentId: axis.id, name: `Code ${index}` }))
          .id,
      );
    const db = app.core.context.session.require().db;
    const insert = db.prepare(
      `INSERT INTO coding (id, document_id, code_id, start, "end", memo, coder, created_at, modified_at) VALUES (?, ?, ?, ?, ?, '', 'bench', 'x', 'x')`,
    );
    db.transaction(() => {
      for (let index = 0; index < 5000; index += 1) {
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

    // The main-process side of one typing flush: steps applied, 5,000 codings carried, all stored.
    const flushes: number[] = [];
    for (let round = 0; round < 5; round += 1) {
      const detail = await call<{ content: unknown; version: number }>('documents.get', {
        id: transcript.id,
      });
      const doc = documentFromJson(detail.content);
      const transform = new Transform(doc).insert(
        offsetToPosition(buildTextIndex(doc), 100),
        documentSchema.text('x'),
      );
      const started = performance.now();
      await call('documents.applySteps', {
        id: transcript.id,
        version: detail.version,
        steps: transform.steps.map((step) => step.toJSON()),
      });
      flushes.push(performance.now() - started);
    }

    const { page } = app;
    await page.reload();
    await page.setViewportSize({ width: 1400, height: 900 });
    await page
      .getByRole('navigation')
      .getByRole('button', { name: 'Documents', exact: true })
      .click();
    const openStarted = Date.now();
    await page.getByRole('button', { name: /^long/ }).click();
    await page.waitForFunction(
      () => document.querySelectorAll('.coding').length >= 5000,
      undefined,
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
    const memory = process.memoryUsage().rss;
    return {
      open,
      coding,
      keystrokeMedian: median(keystrokes),
      keystrokeP95: percentile(keystrokes, 0.95),
      flush: median(flushes),
      hostRss: memory,
    };
  } finally {
    await app.stop();
  }
}

const runs = [];
for (let run = 0; run < RUNS; run += 1) runs.push(await once());
const results = {
  at: new Date().toISOString(),
  runs: RUNS,
  openMs: median(runs.map((run) => run.open)),
  newCodingMs: median(runs.map((run) => run.coding)),
  keystrokeMedianMs: median(runs.map((run) => run.keystrokeMedian)),
  keystrokeP95Ms: median(runs.map((run) => run.keystrokeP95)),
  flushMs: median(runs.map((run) => run.flush)),
  hostRssMb: Math.round(median(runs.map((run) => run.hostRss)) / 1048576),
};
const budgets: [string, number, number][] = [
  ['open the long transcript, all highlights drawn (ms)', results.openMs, 1000],
  ['a new coding drawn (ms)', results.newCodingMs, 50],
  ['keystroke inside a coded passage, median (ms)', results.keystrokeMedianMs, 50],
  ['keystroke, 95th percentile (ms)', results.keystrokeP95Ms, 100],
  ['one typing flush in the main process (ms)', results.flushMs, 150],
  ['host process memory (MB)', results.hostRssMb, 300],
];
console.log(`Long transcript: 300,000 characters, 5,000 codings, median of ${RUNS} runs`);
for (const [name, value, budget] of budgets) {
  console.log(
    `${name.padEnd(55)} ${value.toFixed(1).padStart(9)}   budget ${String(budget).padStart(5)}   ${value <= budget ? 'holds' : 'OVER'}`,
  );
}
const folder = join('bench', 'results');
mkdirSync(folder, { recursive: true });
writeFileSync(
  join(folder, `long-transcript-${results.at.replace(/[:.]/g, '-')}.json`),
  JSON.stringify(results, null, 2),
);
