import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

const fileBytes = (text: string) => Buffer.from(text);

/** Two cases with coded transcripts, made through the API: the matrix is what is tested here. */
async function codedStudy() {
  const call = <T>(method: string, input: unknown) => apiCall<T>(app, method, input);
  const proactivity = await call<{ id: string }>('codes.create', { name: 'Proactivité' });
  const mayor = await call<{ id: string }>('codes.create', {
    parentId: proactivity.id,
    name: 'Maire moteur',
  });
  const openness = await call<{ id: string }>('codes.create', { name: 'Ouverture' });
  const citizens = await call<{ id: string }>('codes.create', {
    parentId: openness.id,
    name: 'Habitants',
  });
  for (const [name, participant, text, codings] of [
    [
      'A',
      'Élu-A',
      'Élu-A : Le maire porte le projet. Les habitants participent.',
      [
        [3, 8, mayor.id],
        [30, 39, citizens.id],
      ],
    ],
    [
      'B',
      'DGS-B',
      'DGS-B : Le maire décide. Le maire arbitre.',
      [
        [3, 8, mayor.id],
        [20, 25, mayor.id],
      ],
    ],
  ] as const) {
    const created = await call<{ id: string }>('cases.create', { name });
    const person = await call<{ id: string }>('participants.create', {
      name: participant,
      caseId: created.id,
    });
    const document = await call<{ id: string; version: number }>('documents.import', {
      fileName: `${name}.txt`,
      data: fileBytes(text),
    });
    await call('documents.setLinks', { documentId: document.id, participantIds: [person.id] });
    for (const [start, end, codeId] of codings)
      await call('codings.create', {
        documentId: document.id,
        version: document.version,
        start,
        end,
        codeIds: [codeId],
      });
  }
  return { proactivity };
}

describe('the framework matrix through the UI', () => {
  it('counts passages per case and axis, lists a cell’s passages, keeps its summary, and exports the counts', async () => {
    const { page } = app;
    await createProject(app, 'matrice');
    const { proactivity } = await codedStudy();
    await page.reload();
    await openSection(page, 'Analysis');
    const cellA = page.getByRole('button', { name: 'A × Proactivité' });
    await cellA.getByText('1 passage · 1 doc').waitFor();
    await page
      .getByRole('button', { name: 'B × Proactivité' })
      .getByText('2 passages · 1 doc')
      .waitFor();
    await page.getByRole('button', { name: 'B × Ouverture' }).getByText('—').waitFor();

    await page.getByRole('button', { name: 'B × Proactivité' }).click();
    const detail = page.getByRole('region', { name: 'Cell B × Proactivité' });
    await expect
      .poll(() => detail.locator('.passage-text').allTextContents())
      .toEqual(['maire', 'maire']);
    await detail
      .getByRole('textbox', { name: 'Summary of this cell' })
      .fill('Décision concentrée sur le maire.');
    await detail.getByRole('textbox', { name: 'Summary of this cell' }).blur();
    await page
      .getByRole('button', { name: 'B × Proactivité' })
      .getByText('Décision concentrée sur le maire.')
      .waitFor();
    const stored = await apiCall<{ cells: { codeId: string; summary: string }[] }>(
      app,
      'matrix.get',
      { rowKind: 'case', level: 'axis' },
    );
    expect(
      stored.cells.find((cell) => cell.codeId === proactivity.id && cell.summary)?.summary,
    ).toBe('Décision concentrée sur le maire.');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export XLSX' }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Case', 'Proactivité', 'Ouverture']);
    expect(sheet.getRow(2).values).toEqual([undefined, 'A', 1, 1]);
    expect(sheet.getRow(3).values).toEqual([undefined, 'B', 2, 0]);
    expect(workbook.worksheets[2]!.getRow(3).getCell(2).value).toBe(
      'Décision concentrée sur le maire.',
    );

    // Code statistics: frequencies with bars, and a drill-down to the passages.
    await page.getByRole('tab', { name: 'Statistics' }).click();
    const mayorRow = page.locator('.frequencies tr[data-code="Proactivité › Maire moteur"]');
    await expect
      .poll(() => mayorRow.locator('td.number').allTextContents())
      .toEqual(['3', '2', '2']);
    await mayorRow.getByRole('button').click();
    await expect
      .poll(() =>
        page
          .getByRole('region', { name: 'Proactivité › Maire moteur' })
          .locator('.passage-text')
          .count(),
      )
      .toBe(3);
  });
});

describe('ratings and the 2×2 chart through the UI', () => {
  it('rates six cases on both axes with a justification and evidence, places them in their quadrants, and exports the chart as SVG', async () => {
    const { page } = app;
    await createProject(app, 'graphique');
    const call = <T>(method: string, input: unknown) => apiCall<T>(app, method, input);
    const proactivity = await call<{ id: string }>('codes.create', { name: 'Proactivité' });
    const leadership = await call<{ id: string }>('codes.create', {
      parentId: proactivity.id,
      name: 'Leadership',
    });
    await call('codes.create', { name: 'Ouverture' });
    // Ratings as the article reads the cases: proactive-open, passive-closed, passive-open, proactive-closed…
    const placements: Record<string, [number, number]> = {
      A: [2, 2],
      B: [4, 4],
      C: [5, 4],
      D: [4, 2],
      E: [2, 4],
      F: [4, 5],
    };
    let codingA = '';
    for (const name of Object.keys(placements)) {
      const created = await call<{ id: string }>('cases.create', { name });
      const person = await call<{ id: string }>('participants.create', {
        name: `P-${name}`,
        caseId: created.id,
      });
      const document = await call<{ id: string; version: number }>('documents.import', {
        fileName: `${name}.txt`,
        data: fileBytes(`P-${name} : Le maire porte le projet.`),
      });
      await call('documents.setLinks', { documentId: document.id, participantIds: [person.id] });
      const [coding] = await call<{ id: string }[]>('codings.create', {
        documentId: document.id,
        version: document.version,
        start: 3,
        end: 8,
        codeIds: [leadership.id],
      });
      if (name === 'A') codingA = coding!.id;
    }
    await page.reload();
    await openSection(page, 'Analysis');
    await page.getByRole('tab', { name: 'Ratings' }).click();
    for (const [name, [x, y]] of Object.entries(placements)) {
      await page
        .getByRole('combobox', { name: `Rating of ${name} on Proactivité` })
        .selectOption(String(x));
      await page
        .getByRole('combobox', { name: `Rating of ${name} on Ouverture` })
        .selectOption(String(y));
    }
    const justification = page.getByRole('textbox', { name: 'Justification of A on Proactivité' });
    await justification.fill('Projet non formalisé, porté au coup par coup.');
    await justification.blur();
    await expect
      .poll(
        async () =>
          (await call<{ ratings: { value: number | null }[] }>('ratings.list', {})).ratings.filter(
            (rating) => rating.value !== null,
          ).length,
      )
      .toBe(12);

    // Evidence from the matrix cell A × Proactivité.
    await page.getByRole('tab', { name: 'Matrix' }).click();
    await page.getByRole('button', { name: 'A × Proactivité' }).click();
    await page
      .getByRole('region', { name: 'Cell A × Proactivité' })
      .getByRole('checkbox', { name: 'Evidence for this case’s rating' })
      .check();
    await expect
      .poll(
        async () =>
          (
            await call<{
              ratings: { codeId: string; evidence: string[]; justification: string }[];
            }>('ratings.list', {})
          ).ratings.find((rating) => rating.codeId === proactivity.id && rating.evidence.length > 0)
            ?.evidence,
      )
      .toEqual([codingA]);
    await page.getByRole('tab', { name: 'Ratings' }).click();
    await page
      .locator('.rating-cell', {
        has: page.getByRole('textbox', { name: 'Justification of A on Proactivité' }),
      })
      .getByText('1 passage as evidence')
      .waitFor();

    // Evidence from the Passages view too: B's passage, for B's rating on its axis.
    await openSection(page, 'Passages');
    const passageB = page.locator('.passage', {
      has: page.locator('.passage-meta', { hasText: 'B ·' }),
    });
    await passageB
      .getByRole('button', { name: 'Evidence for the case’s rating on this axis' })
      .click();
    await passageB.getByRole('button', { name: 'Linked as evidence' }).waitFor();
    const ratingsNow = await call<{
      ratings: { caseId: string; codeId: string; evidence: string[] }[];
    }>('ratings.list', {});
    const caseB = (await call<{ id: string; name: string }[]>('cases.list', {})).find(
      (row) => row.name === 'B',
    )!;
    expect(
      ratingsNow.ratings.find(
        (rating) => rating.caseId === caseB.id && rating.codeId === proactivity.id,
      )?.evidence,
    ).toHaveLength(1);

    // The scale can change, as long as the ratings given fit in it.
    await openSection(page, 'Analysis');
    await page.getByRole('tab', { name: 'Ratings' }).click();
    await page.locator('.scale-editor summary').click();
    await page.getByRole('spinbutton', { name: 'Lowest value' }).fill('0');
    await page.getByRole('button', { name: 'Save the scale' }).click();
    await page.getByText('Scale: 0 to 5').waitFor();
    await page.getByRole('tab', { name: '2×2 chart' }).click();

    // The chart: proactivity across, openness up.
    // Titled and its quadrants named from the axes drawn, whatever the model.
    const chart = page.getByRole('img', { name: 'Proactivité × Ouverture' });
    await expect.poll(() => chart.locator('.chart-point').count()).toBe(6);
    const positions = await chart.locator('.chart-point').evaluateAll((points) =>
      points.map((point) => {
        const circle = point.querySelector('circle')!;
        return [
          point.getAttribute('data-case'),
          Number(circle.getAttribute('cx')),
          Number(circle.getAttribute('cy')),
        ] as const;
      }),
    );
    // Quadrants by the dividing lines, drawn at the scale's midpoint.
    const middleX = Number(await chart.locator('.midline-x').getAttribute('x1'));
    const middleY = Number(await chart.locator('.midline-y').getAttribute('y1'));
    const quadrant = (cx: number, cy: number) =>
      `${cy < middleY ? 'top' : 'bottom'}-${cx < middleX ? 'left' : 'right'}`;
    expect(Object.fromEntries(positions.map(([name, cx, cy]) => [name, quadrant(cx, cy)]))).toEqual(
      {
        A: 'bottom-left',
        B: 'top-right',
        C: 'top-right',
        D: 'bottom-right',
        E: 'top-left',
        F: 'top-right',
      },
    );
    expect(await chart.locator('.chart-point[data-case="A"] title').textContent()).toBe(
      'Projet non formalisé, porté au coup par coup.',
    );
    await chart.locator('.chart-point[data-case="A"]').click();
    await page.getByRole('region', { name: 'Evidence for A' }).getByText('maire').waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export SVG' }).click(),
    ]);
    const { readFileSync } = await import('node:fs');
    const svg = readFileSync((await download.path())!, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    const labels = [...svg.matchAll(/<tspan[^>]*>([^<]+)<\/tspan>/g)].map((match) => match[1]);
    expect(labels.sort()).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(svg).toContain('>Proactivité +, Ouverture +</text>');
    // A file for other programs: none of the page's own attributes.
    expect(svg).not.toMatch(/\s(class|role|tabindex|aria-[a-z]+|data-[a-z-]+)=/);

    // Publication-ready: a title, the scale's ticks, a legend, and no label clipped or overlapping.
    expect(svg).toContain('>Proactivité × Ouverture</text>');
    const layout = await chart.evaluate((element) => {
      // On screen, transforms (the rotated axis name) included.
      const frame = element.getBoundingClientRect();
      const texts = [...element.querySelectorAll('text')].map((node) =>
        node.getBoundingClientRect(),
      );
      const points = [...element.querySelectorAll('.point-label')].map((node) =>
        node.getBoundingClientRect(),
      );
      const overlaps = points.some((a, i) =>
        points.some(
          (b, j) =>
            i < j && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom,
        ),
      );
      const outside = texts.some(
        (b) =>
          b.left < frame.left - 0.5 ||
          b.top < frame.top - 0.5 ||
          b.right > frame.right + 0.5 ||
          b.bottom > frame.bottom + 0.5,
      );
      return { overlaps, outside, ticks: element.querySelectorAll('.tick').length };
    });
    expect(layout.overlaps).toBe(false);
    expect(layout.outside).toBe(false);
    // One tick for each value of the project's rating scale.
    expect(layout.ticks).toBe(6);

    // PNG: drawn from the same SVG, a real image of the chart's size or larger.
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export PNG' }).click(),
    ]);
    const image = readFileSync((await png.path())!);
    expect([...image.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const width = image.readUInt32BE(16);
    const height = image.readUInt32BE(20);
    // 300 dpi: the chart's 600 CSS pixels (96 to the inch) are 1,875 pixels, and the file says so.
    expect(width).toBe(1875);
    expect(height).toBe(width);
    const density = image.indexOf('pHYs');
    expect(density).toBeGreaterThan(0);
    expect(image.readUInt32BE(density + 4)).toBe(11811);
    expect(image.length).toBeGreaterThan(5000);
  });
});

describe('full-text search through the UI', () => {
  it('finds words without their accents, opens a hit at its words, and codes it', async () => {
    const { page } = app;
    await createProject(app, 'recherche');
    const call = <T>(method: string, input: unknown) => apiCall<T>(app, method, input);
    const axis = await call<{ id: string }>('codes.create', { name: 'Ouverture' });
    const code = await call<{ id: string }>('codes.create', {
      parentId: axis.id,
      name: 'Coopération',
    });
    const document = await call<{ id: string }>('documents.import', {
      fileName: 'entretien.txt',
      data: fileBytes(
        'DGS : La réunion mensuelle.\nÉlue : La coopération avec les associations progresse.',
      ),
    });
    await page.reload();
    await openSection(page, 'Search');
    await page
      .getByRole('searchbox', { name: 'Search all documents' })
      .fill('cooperation AND associations');
    await page.getByRole('search').getByRole('button', { name: 'Search', exact: true }).click();
    const results = page.getByRole('region', { name: 'entretien' });
    await results.locator('mark', { hasText: 'coopération' }).waitFor();
    await page.getByRole('status').getByText('1 hit').waitFor();

    await page
      .getByRole('combobox', { name: 'Code hits with…' })
      .selectOption({ label: 'Ouverture › Coopération' });
    await results.getByRole('button', { name: 'Code this hit' }).click();
    await results.getByRole('button', { name: 'Code this hit' }).getByText('Coded').waitFor();
    const codings = await call<{ codeId: string; start: number; end: number }[]>(
      'codings.forDocument',
      { documentId: document.id },
    );
    expect(codings.map((coding) => [coding.codeId, coding.start, coding.end])).toEqual([
      [code.id, 25, 36],
    ]);

    // A search that cannot be read replaces the results with its message; the next one replaces the message.
    const box = page.getByRole('searchbox', { name: 'Search all documents' });
    const search = page.getByRole('search').getByRole('button', { name: 'Search', exact: true });
    await box.fill('NOT reunion');
    await search.click();
    await page
      .getByRole('alert')
      .getByText(/write words first/)
      .waitFor();
    await expect.poll(() => results.count()).toBe(0);
    await box.fill('reunion');
    await search.click();
    await page.getByRole('status').getByText('1 hit').waitFor();
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);

    await box.fill('cooperation');
    await search.click();
    await results.locator('mark', { hasText: 'coopération' }).waitFor();
    await results.locator('.passage-open').click();
    await page.locator('.transcript').waitFor();
    await expect
      .poll(() => page.evaluate(() => window.getSelection()?.toString()))
      .toBe('coopération');
  });
});
