import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileBytes } from '../support/apiHarness';
import type { RunningApp } from './support/app';
import { startApp } from './support/app';
import { apiCall, createProject, openSection } from './support/workspace';

let app: RunningApp;
beforeEach(async () => {
  app = await startApp();
});
afterEach(async () => {
  await app.stop();
});

const turn = (speaker: string, time: string, words: string) => `[${time}] ${speaker} : ${words}`;
const interview = [
  turn(
    'Enquêteur',
    '00:00:05',
    'Pouvez-vous me dire comment le projet de ville intelligente a été lancé ?',
  ),
  turn(
    'DGS',
    '00:00:20',
    'Tout est parti d’un appel à projets, et le maire s’en est emparé très vite ; la direction générale a suivi.',
  ),
  turn('Enquêteur', '00:02:10', 'Et les habitants, comment sont-ils associés à la démarche ?'),
  turn(
    'DGS',
    '00:02:30',
    'Un panel citoyen évalue chaque année ce qui a été fait, avec les associations de quartier.',
  ),
].join('\n');

describe('the screen of a 13-inch laptop', () => {
  it('leaves the transcript a readable line at 1024 × 700, with the codebook and the guide beside it', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    await createProject(app, 'portable');
    const axis = await apiCall<{ id: string }>(app, 'codes.create', { name: 'Proactivité' });
    for (const name of ['Leadership politique', 'Le maire moteur', 'Panel citoyen', 'Associations'])
      await apiCall(app, 'codes.create', { parentId: axis.id, name });
    await apiCall(app, 'documents.import', {
      fileName: 'entretien-dgs.txt',
      data: fileBytes(interview),
    });
    await page.reload();
    await openSection(page, 'Documents');
    await page.getByRole('button', { name: /^entretien-dgs/ }).click();
    const paragraph = page.locator('.transcript p').nth(1);
    await paragraph.waitFor();
    const measure = await paragraph.evaluate((element) => {
      const style = getComputedStyle(element);
      const text = element.getBoundingClientRect().width - parseFloat(style.paddingLeft);
      const range = document.createRange();
      range.selectNodeContents(element);
      const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
      return { text, lines, fits: document.documentElement.scrollWidth <= window.innerWidth };
    });
    // About forty-five characters a line at least, and nothing pushed off the window.
    expect(measure.text).toBeGreaterThanOrEqual(300);
    expect(measure.lines).toBeLessThanOrEqual(4);
    expect(measure.fits).toBe(true);
  });
});

/** Whether every element matching `selector` shows its whole text (nothing cut by overflow). */
async function clipped(page: RunningApp['page'], selector: string): Promise<string[]> {
  return page
    .locator(selector)
    .evaluateAll((elements) =>
      elements
        .filter((element) => element.scrollWidth > element.clientWidth + 1)
        .map((element) => element.textContent ?? ''),
    );
}

describe('the document workspace on real screens', () => {
  for (const [width, height] of [
    [1024, 700],
    [1920, 1080],
  ] as const)
    it(`at ${width} × ${height}: the codebook in view beside the transcript, names whole, the popover inside the window`, async () => {
      const { page } = app;
      await page.setViewportSize({ width, height });
      await createProject(app, `ecran-${width}`);
      const axis = await apiCall<{ id: string }>(app, 'codes.create', {
        name: 'Participation citoyenne et démocratie locale',
      });
      const variable = await apiCall<{ id: string }>(app, 'codes.create', {
        parentId: axis.id,
        name: 'Dispositifs institutionnalisés de concertation',
      });
      const code = await apiCall<{ id: string }>(app, 'codes.create', {
        parentId: variable.id,
        name: 'Conseil de développement et panel citoyen tiré au sort',
      });
      const long = [
        turn('Directrice générale adjointe des services', '00:00:05', 'Le projet est né en 2016.'),
        ...Array.from({ length: 30 }, (_, index) =>
          turn(
            index % 2 ? 'Enquêtrice' : 'DGS',
            `00:0${Math.floor(index / 10)}:${10 + (index % 10) * 5}`,
            'Un panel citoyen évalue chaque année ce qui a été fait, avec les associations de quartier et les conseils citoyens.',
          ),
        ),
      ].join('\n');
      const imported = await apiCall<{ id: string; version: number; length: number }>(
        app,
        'documents.import',
        { fileName: 'entretien-long.txt', data: fileBytes(long) },
      );
      // A coding at the end of a line far right, where a popover would overflow.
      await apiCall(app, 'codings.create', {
        documentId: imported.id,
        version: imported.version,
        start: 30,
        end: 90,
        codeIds: [code.id],
      });
      await page.reload();
      await openSection(page, 'Documents');
      await page.getByRole('button', { name: /^entretien-long/ }).click();
      await page.locator('.transcript p').nth(3).waitFor();

      // The codebook is in view while the transcript is open, its names whole.
      const codebook = page.getByRole('complementary', { name: 'Codebook' });
      const codeRow = codebook.locator('.code-name', { hasText: 'Participation citoyenne' });
      await codeRow.waitFor();
      const inView = await codeRow.evaluate((element) => {
        const rect = element.getBoundingClientRect();
        return (
          rect.top >= 0 && rect.bottom <= window.innerHeight && rect.right <= window.innerWidth
        );
      });
      expect(inView).toBe(true);
      // And it has room: a third of the window's height at least, scrolling on its own.
      const room = await page
        .locator('.side-codebook')
        .evaluate((element) => element.getBoundingClientRect().height / window.innerHeight);
      expect(room).toBeGreaterThanOrEqual(0.33);
      expect(await clipped(page, '.code-name')).toEqual([]);
      expect(await clipped(page, '.document-item strong')).toEqual([]);
      // The speaker's whole name, never cut: its box holds its text.
      const speaker = await page
        .locator('.transcript p[data-speaker]')
        .first()
        .evaluate((element) => {
          const style = getComputedStyle(element, '::before');
          return { overflow: style.textOverflow, whiteSpace: style.whiteSpace };
        });
      expect(speaker.overflow).not.toBe('ellipsis');
      expect(speaker.whiteSpace).not.toBe('nowrap');
      // The transcript keeps a readable width: 560 px at least on a small laptop.
      const editorWidth = await page
        .locator('.editor-scroller')
        .evaluate((element) => element.clientWidth);
      expect(editorWidth).toBeGreaterThanOrEqual(560);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      ).toBe(true);

      // A click on the coded passage opens its popover inside the window.
      // On its last line's last letters, the farthest right a click on it can be.
      const point = await page
        .locator('.coding')
        .first()
        .evaluate((element) => {
          const rects = [...element.getClientRects()];
          const last = rects.reduce((right, rect) => (rect.right > right.right ? rect : right));
          return { x: last.right - 3, y: last.top + last.height / 2 };
        });
      await page.mouse.click(point.x, point.y);
      const popover = page.getByRole('dialog', { name: 'Coded passage' });
      await popover.waitFor();
      await expect
        .poll(() =>
          popover.evaluate((element) => {
            const rect = element.getBoundingClientRect();
            return (
              rect.left >= 0 &&
              rect.top >= 0 &&
              rect.right <= window.innerWidth &&
              rect.bottom <= window.innerHeight
            );
          }),
        )
        .toBe(true);
      await page.keyboard.press('Escape');
    });

  it('remembers the panes’ widths and keeps the recording playing under the guide tab', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1280, height: 720 });
    await createProject(app, 'panneaux');
    await apiCall(app, 'documents.import', {
      fileName: 'entretien-dgs.txt',
      data: fileBytes(interview),
    });
    await page.reload();
    await openSection(page, 'Documents');
    await page.getByRole('button', { name: /^entretien-dgs/ }).click();
    await page.locator('.transcript p').first().waitFor();
    const splitter = page.getByRole('separator', {
      name: 'Width of the codebook and the panels beside the transcript',
    });
    const before = Number(await splitter.getAttribute('aria-valuenow'));
    await splitter.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect
      .poll(async () => Number(await splitter.getAttribute('aria-valuenow')))
      .toBe(before + 32);
    const side = async () =>
      page.locator('.document-side').evaluate((element) => element.getBoundingClientRect().width);
    expect(Math.round(await side())).toBe(before + 32);
    await page.reload();
    await openSection(page, 'Documents');
    await page.getByRole('button', { name: /^entretien-dgs/ }).click();
    await page.locator('.transcript p').first().waitFor();
    expect(Math.round(await side())).toBe(before + 32);

    // The guide tab hides the recording panel without removing it.
    await page.getByRole('tab', { name: 'Guide' }).click();
    await page
      .getByRole('region', { name: 'Interview guide' })
      .or(page.locator('.guide-pane'))
      .first()
      .waitFor();
    expect(await page.locator('#side-panel-recording').count()).toBe(1);
    expect(await page.locator('#side-panel-recording').isHidden()).toBe(true);
    await page.getByRole('tab', { name: 'Recording' }).click();
    expect(await page.locator('#side-panel-recording').isVisible()).toBe(true);
    // The document list folds away for the transcript's room, and comes back.
    await page.getByRole('button', { name: 'Hide the list' }).click();
    await page.getByRole('button', { name: 'Documents', exact: true }).last().click();
    await page.getByRole('button', { name: /^entretien-dgs/ }).waitFor();
  });
});

describe('tables of cases and participants', () => {
  it('keep each row’s name, its case and its actions in view, show values whole, and resize columns by mouse and keyboard', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    await apiCall(app, 'projects.openDemo', {});
    await page.reload();
    await openSection(page, 'Cases');
    await page.getByRole('tab', { name: 'Participants' }).click();
    const scroller = page.locator('.entity-table-scroll');
    const row = page.locator('.entity-table tbody tr').nth(1);
    await row.waitFor();
    // Names and chosen values are not cut.
    const clipped = await page.locator('.entity-table').evaluate((table) =>
      [
        ...table.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
          'td input, td select, td textarea',
        ),
      ]
        .filter((field) => field.value !== '')
        .filter(
          (field) =>
            field.scrollWidth > field.clientWidth + 1 ||
            field.scrollHeight > field.clientHeight + 1,
        )
        .map((field) => field.value),
    );
    expect(clipped).toEqual([]);

    // Scrolled to the far right, the row still says whose it is and can still be deleted.
    await scroller.evaluate((element) => (element.scrollLeft = element.scrollWidth));
    const box = (await scroller.boundingBox())!;
    const inView = async (selector: string) => {
      const cell = (await row.locator(selector).boundingBox())!;
      return cell.x >= box.x - 1 && cell.x + cell.width <= box.x + box.width + 1;
    };
    expect(await inView('td.sticky-start >> nth=0')).toBe(true);
    expect(await inView('td.sticky-start >> nth=1')).toBe(true);
    expect(await inView('td.sticky-end')).toBe(true);
    expect(await row.getByRole('button', { name: 'Delete DGS B' }).isVisible()).toBe(true);

    // Wider by the keyboard, narrower by the mouse; the widths come back with the next session.
    const nameHeader = page.locator('.entity-table th').first();
    const width = async () => Math.round((await nameHeader.boundingBox())!.width);
    const before = await width();
    const handle = page.getByRole('separator', { name: 'Width of the column Participant' });
    await handle.focus();
    for (let step = 0; step < 3; step += 1) await page.keyboard.press('ArrowRight');
    await expect.poll(width).toBe(before + 48);
    const grip = (await handle.boundingBox())!;
    await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
    await page.mouse.down();
    await page.mouse.move(grip.x + grip.width / 2 - 100, grip.y + grip.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect.poll(width).toBe(before - 52);
    await page.reload();
    await openSection(page, 'Cases');
    await page.getByRole('tab', { name: 'Participants' }).click();
    await expect.poll(width).toBe(before - 52);
  });
});

describe('a passage coded many times over', () => {
  it('shows as many stripes as the margin holds, then how many more, which open together', async () => {
    const { page } = app;
    await createProject(app, 'chevauchements');
    const imported = await apiCall<{ id: string; version: number }>(app, 'documents.import', {
      fileName: 'entretien.txt',
      data: fileBytes(interview),
    });
    const names = ['Maire', 'Direction', 'Appel à projets', 'Rapidité', 'Suivi', 'Leadership'];
    for (const name of names) {
      const code = await apiCall<{ id: string }>(app, 'codes.create', { name });
      await apiCall(app, 'codes.update', { id: code.id, codable: true });
      await apiCall(app, 'codings.create', {
        documentId: imported.id,
        version: imported.version,
        start: 120,
        end: 170,
        codeIds: [code.id],
      });
    }
    await page.reload();
    await openSection(page, 'Documents');
    await page.getByRole('button', { name: /^entretien/ }).click();
    await page.locator('.transcript').waitFor();
    // As many stripes as the margin has columns but one, then "+N" where its room ends: none cut
    // off unseen, and the margin inside the page (no sideways scrollbar on the transcript).
    const room = await page
      .locator('.coding-margin')
      .evaluate((element) => Math.floor(element.clientWidth / 15));
    expect(room).toBeGreaterThanOrEqual(3);
    const hidden = names.length - (room - 1);
    await expect.poll(() => page.locator('.margin-bar').count()).toBe(room - 1);
    const more = page.locator('.margin-more');
    await expect.poll(() => more.textContent()).toBe(`+${hidden}`);
    const title = (await more.getAttribute('title'))!;
    expect(title).toMatch(new RegExp(`^${hidden} codings overlap here: `));
    const gathered = title.replace(`${hidden} codings overlap here: `, '').split(', ');
    expect(
      await page
        .locator('.editor-scroller')
        .evaluate((element) => element.scrollWidth <= element.clientWidth),
    ).toBe(true);
    const striped = await page
      .locator('.margin-bar')
      .evaluateAll((bars) => bars.map((bar) => bar.getAttribute('title')!));
    expect([...striped, ...gathered].sort()).toEqual([...names].sort());
    const margin = (await page.locator('.coding-margin').boundingBox())!;
    const marker = (await more.boundingBox())!;
    expect(marker.x + marker.width).toBeLessThanOrEqual(margin.x + margin.width);
    await more.click();
    const popover = page.getByRole('dialog', { name: 'Coded passage' });
    for (const name of gathered)
      await popover.getByRole('button', { name: `Remove ${name} from this passage` }).waitFor();
  });
});
