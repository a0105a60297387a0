import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { sliceCodePoints } from '../../shared/text/codePoints';
import { fileBytes } from '../support/apiHarness';
import type { AppOptions, RunningApp } from './support/app';
import { startApp } from './support/app';
import { dragSelect, placeCaretBefore, selectText } from './support/editor';
import { apiCall, createProject, openSection } from './support/workspace';

let app: RunningApp | null = null;
afterEach(async () => {
  await app?.stop();
  app = null;
});

const interview = [
  'Enquêteur : Comment le projet est-il piloté ?',
  'DGS : Le maire porte le projet et la direction générale le coordonne.',
  'DGS : Nous associons les habitants au comité de suivi.',
].join('\n');
/** The text as stored: speakers are the turns' attributes, not words of the text. */
const plainInterview = interview.replace(/^[^:\n]+ : /gm, '');

/** A project with the interview and one code, the transcript open in the editor. */
async function openInterview(options: AppOptions = {}) {
  app = await startApp(options);
  const running = app;
  await createProject(running, 'sécurité');
  const call = <T>(method: string, input: unknown) => apiCall<T>(running, method, input);
  const document = await call<{ id: string }>('documents.import', {
    fileName: 'entretien-a.txt',
    data: fileBytes(interview),
  });
  const axis = await call<{ id: string }>('codes.create', { name: 'Proactivité' });
  const code = await call<{ id: string }>('codes.create', { parentId: axis.id, name: 'Maire' });
  await running.page.reload();
  await openSection(running.page, 'Documents');
  await running.page.getByRole('button', { name: /^entretien-a/ }).click();
  await running.page.locator('.transcript').waitFor();
  /** What the project file holds: the text and the codings of the interview. */
  const stored = async () => {
    const db = new Database(running.projectPath('sécurité.axial'), { readonly: true });
    try {
      const { plain_text: plain } = db
        .prepare('SELECT plain_text FROM document WHERE id = ?')
        .get(document.id) as { plain_text: string };
      const codings = db
        .prepare('SELECT start, "end", code_id AS codeId FROM coding WHERE document_id = ?')
        .all(document.id) as { start: number; end: number; codeId: string }[];
      return Promise.resolve({ plain, codings });
    } finally {
      db.close();
    }
  };
  return { running, document, code, stored };
}

const editorText = () => app!.page.locator('.transcript').innerText();

describe('editing while the project answers', () => {
  it('rebases typing made during an undo over the steps the undo brings back', async () => {
    const { running, stored } = await openInterview({ latency: { 'history.undo': 700 } });
    const { page } = running;
    await placeCaretBefore(page, 'porte le projet');
    await page.keyboard.type('vraiment ');
    await expect.poll(async () => (await stored()).plain).toContain('maire vraiment porte');
    // Undo, and type elsewhere at once: the undo's answer is still on its way.
    await page.keyboard.press('Control+z');
    await placeCaretBefore(page, 'habitants');
    await page.keyboard.type('tous les ');
    const expected = plainInterview.replace('les habitants', 'les tous les habitants');
    await expect.poll(async () => (await stored()).plain).toBe(expected);
    await expect.poll(editorText).toContain('Le maire porte le projet');
    expect(await editorText()).toContain('les tous les habitants');
  });

  it('undoes, at each Ctrl+Z pressed while typing, exactly what was typed before it', async () => {
    const { running, stored } = await openInterview();
    const { page } = running;
    const before = (text: string) =>
      page.evaluate((anchor) => {
        const view = document.querySelector('.transcript') as
          (HTMLElement & { editor?: { getText(): string } }) | null;
        const all = view?.editor?.getText() ?? '';
        return all.slice(Math.max(0, all.indexOf(anchor) - 24), all.indexOf(anchor));
      }, text);
    for (const delay of [120, 40]) {
      await placeCaretBefore(page, 'Nous associons');
      await page.keyboard.type('Pour être franc, ', { delay });
      await page.keyboard.press('Control+z');
      await page.keyboard.type('Disons que ', { delay });
      await page.keyboard.press('Control+z');
      await page.keyboard.type('Bref. ', { delay });
      await expect.poll(() => before('Nous associons')).toMatch(/\nBref\. $/);
      await expect.poll(async () => (await stored()).plain).toContain('\nBref. Nous associons');
      // One more Ctrl+Z takes "Bref. " back, and nothing else.
      await page.keyboard.press('Control+z');
      await expect.poll(async () => (await stored()).plain).toBe(plainInterview);
      // The file commits before its answer reaches the editor: wait for the editor's own state.
      await expect.poll(() => before('Nous associons')).toMatch(/\n$/);
      expect(await editorText()).not.toContain('Bref');
    }
  });

  it('draws a coding made while the researcher types on the words it was made on', async () => {
    const { running, stored, code } = await openInterview({
      latency: { 'codings.create': 700 },
    });
    const { page } = running;
    // Every highlight of the code drawn from now on is noted with its words, as it is drawn.
    await page.evaluate((codeId) => {
      const seen: string[] = [];
      (window as unknown as { drawn: string[] }).drawn = seen;
      new MutationObserver(() => {
        const highlight = document.querySelector(`.coding[data-code-id="${codeId}"]`);
        if (highlight && seen.at(-1) !== highlight.textContent)
          seen.push(highlight.textContent ?? '');
      }).observe(document.querySelector('.transcript')!, {
        childList: true,
        subtree: true,
        characterData: true,
      });
    }, code.id);
    await selectText(page, 'la direction générale');
    await page.getByRole('button', { name: 'Apply Maire to the selection' }).click();
    // Typing before the passage while the coding is on its way shifts it.
    await placeCaretBefore(page, 'Le maire');
    await page.keyboard.type('Alors, ');
    await page.locator(`.coding[data-code-id="${code.id}"]`).first().waitFor();
    // Drawn on its words from the first frame, not corrected by a later reload.
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { drawn: string[] }).drawn)).toEqual([
      'la direction générale',
    ]);
    await expect.poll(async () => (await stored()).plain).toContain('Alors, Le maire');
    const { plain, codings } = await stored();
    expect(codings).toHaveLength(1);
    expect(sliceCodePoints(plain, codings[0]!.start, codings[0]!.end)).toBe(
      'la direction générale',
    );
  });
});

describe('an answer shown after the text has changed', () => {
  it('selects its words, not the offsets the list was loaded with', async () => {
    app = await startApp();
    const running = app;
    await createProject(running, 'réponses');
    const call = <T>(method: string, input: unknown) => apiCall<T>(running, method, input);
    const document = await call<{ id: string; version: number }>('documents.import', {
      fileName: 'entretien-a.txt',
      data: fileBytes(interview),
    });
    const guide = await call<{ id: string }>('guides.create', { title: 'Guide' });
    const { items } = await call<{ items: { id: string }[] }>('guides.addItem', {
      guideId: guide.id,
      kind: 'question',
      text: 'Qui pilote le projet ?',
    });
    await call('documents.setGuide', { documentId: document.id, guideId: guide.id });
    const start = plainInterview.indexOf('Le maire');
    await call('answers.create', {
      documentId: document.id,
      itemId: items[0]!.id,
      start,
      end: start + 'Le maire porte le projet'.length,
      version: document.version,
    });
    const { page } = running;
    await page.reload();
    await openSection(page, 'Documents');
    await page.getByRole('button', { name: /^entretien-a/ }).click();
    await page.getByRole('tab', { name: 'Guide' }).click();
    await page.getByRole('button', { name: 'Show answer' }).waitFor();
    // Typing above the answer moves it; the list beside the text was loaded before.
    await placeCaretBefore(page, 'Comment le projet');
    await page.keyboard.type('Alors, ');
    await page.getByRole('button', { name: 'Show answer' }).click();
    await expect
      .poll(() => page.evaluate(() => window.getSelection()?.toString()))
      .toBe('Le maire porte le projet');
  });
});

describe('what Undo and Redo say and do', () => {
  it('name the typing once it is saved, forget a redo that typing replaced, and show the undone place', async () => {
    const { running, stored } = await openInterview();
    const { page } = running;
    const undoButton = page.getByRole('button', { name: 'Undo', exact: true });
    const redoButton = page.getByRole('button', { name: 'Redo', exact: true });
    await selectText(page, 'Le maire');
    await page.getByRole('button', { name: 'Apply Maire to the selection' }).click();
    await expect.poll(() => undoButton.getAttribute('title')).toBe('Undo: coding');
    await placeCaretBefore(page, 'habitants');
    await page.keyboard.type('tous les ');
    await expect.poll(() => undoButton.getAttribute('title')).toBe('Undo: typing');
    await page.keyboard.press('Control+z');
    await expect.poll(() => redoButton.isEnabled()).toBe(true);
    await page.keyboard.type('x');
    // The typing replaced what could have been redone.
    await expect.poll(() => redoButton.isEnabled()).toBe(false);
    await expect.poll(async () => (await stored()).plain).toContain('les xhabitants');

    // An undo far from the caret brings its place into view, the caret there.
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await stored()).plain).toBe(plainInterview);
    // Stored before the editor has it: the editor puts its caret at the undone place when the
    // undo's answer arrives, then enables Redo. A caret placed before that would be moved.
    await expect.poll(() => redoButton.isEnabled()).toBe(true);
    await placeCaretBefore(page, 'Comment le projet');
    await page.keyboard.type('Alors, ');
    await expect.poll(async () => (await stored()).plain).toContain('Alors, Comment');
    await placeCaretBefore(page, 'comité de suivi');
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await stored()).plain).toBe(plainInterview);
    await expect
      .poll(() =>
        page.evaluate(() => {
          const selection = window.getSelection();
          const block = selection?.anchorNode?.parentElement?.closest('p');
          return block?.textContent?.startsWith('Comment le projet') ?? false;
        }),
      )
      .toBe(true);
  });

  it('closes a document whose import is undone, without an error, and opens it again on redo', async () => {
    const { running } = await openInterview();
    const { page } = running;
    // The import is the oldest step: undo the code creations before it, then the import.
    for (let step = 0; step < 3; step += 1) await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.transcript').count()).toBe(0);
    await expect.poll(() => page.getByRole('button', { name: /^entretien-a/ }).count()).toBe(0);
    expect(await page.getByRole('alert').allInnerTexts()).toEqual([]);
    await page.getByRole('button', { name: 'Redo', exact: true }).click();
    await page.getByRole('button', { name: /^entretien-a/ }).waitFor();
    expect(await page.getByRole('alert').allInnerTexts()).toEqual([]);
  });
});

describe('a save while the researcher selects', () => {
  it('keeps the selection made meanwhile: a memo saved as its field loses focus', async () => {
    const { running, stored, code } = await openInterview({
      latency: { 'codings.update': 300 },
    });
    const { page } = running;
    await selectText(page, 'Le maire');
    await page.getByRole('button', { name: 'Apply Maire to the selection' }).click();
    await page.locator('.coding').first().click();
    const popover = page.getByRole('dialog', { name: 'Coded passage' });
    await popover.getByRole('textbox', { name: 'Memo on this passage' }).fill('Leadership');
    // Selecting other words (above the passage, clear of its popover) leaves the memo field:
    // its save lands while the selection is new.
    await dragSelect(page, 'projet est-il');
    await expect.poll(async () => (await stored()).codings.length).toBe(1);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('projet est-il');
    await page.keyboard.press('Alt+1');
    await expect.poll(async () => (await stored()).codings.length).toBe(2);
    const { plain, codings } = await stored();
    expect(
      codings
        .filter((coding) => coding.codeId === code.id)
        .map((coding) => sliceCodePoints(plain, coding.start, coding.end))
        .sort(),
    ).toEqual(['Le maire', 'projet est-il']);
  });
});

describe('a save that fails', () => {
  it('says so, keeps the typed words on screen, places no coding, and reloads on request', async () => {
    const { running, stored } = await openInterview();
    const { page } = running;
    // The file refuses text edits from now on, as a full disk would.
    const raw = new Database(running.projectPath('sécurité.axial'));
    raw.exec(
      "CREATE TRIGGER refuse_text BEFORE UPDATE OF content ON document BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    );
    try {
      await placeCaretBefore(page, 'porte le projet');
      await page.keyboard.type('vraiment ');
      const notice = page.getByRole('alert').filter({ hasText: 'could not be saved' });
      await notice.waitFor();
      await page.locator('[data-error-code="internal"]').waitFor();
      // What was typed is still there to copy, and the editor takes nothing more.
      expect(await editorText()).toContain('Le maire vraiment porte');
      expect(await page.locator('.transcript').getAttribute('contenteditable')).toBe('false');
      // A coding computed on text the project refused is never sent.
      await selectText(page, 'la direction générale');
      await page.getByRole('button', { name: 'Apply Maire to the selection' }).click();
      await page.waitForTimeout(300);
      expect((await stored()).codings).toEqual([]);
      expect((await stored()).plain).toBe(plainInterview);
    } finally {
      raw.exec('DROP TRIGGER refuse_text');
      raw.close();
    }
    await page.getByRole('button', { name: 'Reload the document' }).click();
    await expect.poll(editorText).toContain('Le maire porte le projet');
    expect(await page.locator('.transcript').getAttribute('contenteditable')).toBe('true');
  });
});

describe('an undo whose change was changed since', () => {
  it('is refused with a message, and leaves everything as it is', async () => {
    const { running, stored, document } = await openInterview();
    const { page } = running;
    await selectText(page, 'Le maire');
    await page.getByRole('button', { name: 'Apply Maire to the selection' }).click();
    await expect.poll(async () => (await stored()).codings.length).toBe(1);
    // Written outside the undo history, as another program would have before the lock.
    const raw = new Database(running.projectPath('sécurité.axial'));
    raw.prepare("UPDATE coding SET memo = 'écrit ailleurs' WHERE document_id = ?").run(document.id);
    raw.close();
    await page.locator('.transcript').click();
    await page.keyboard.press('Control+z');
    await page.locator('[data-error-code="history_conflict"]').waitFor();
    expect((await stored()).codings).toHaveLength(1);
    expect(await page.locator('.coding').count()).toBeGreaterThan(0);
  });
});
