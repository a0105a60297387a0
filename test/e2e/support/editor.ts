import type { Page } from 'playwright-core';

/**
 * Selects the first occurrence of `text` in the open transcript, the way a
 * mouse selection does: a DOM selection that ProseMirror reads back.
 */
export async function selectText(page: Page, text: string): Promise<void> {
  await setSelection(page, text);
  // ProseMirror reads the DOM selection on the browser's selectionchange event; coding uses its state.
  await page.waitForFunction((wanted) => {
    const view = document.querySelector('.transcript') as
      (HTMLElement & { editor?: { state: EditorStateLike } }) | null;
    const state = view?.editor?.state;
    if (!state) return false;
    const { from, to } = state.selection;
    return (
      window.getSelection()?.toString() === wanted && state.doc.textBetween(from, to) === wanted
    );
  }, text);
}

/** The part of ProseMirror's state the helpers read in the page. */
interface EditorStateLike {
  selection: { from: number; to: number };
  doc: { textBetween(from: number, to: number): string };
}

async function setSelection(page: Page, text: string): Promise<void> {
  const found = await page.evaluate((wanted) => {
    const root = document.querySelector('.transcript');
    if (!root) return false;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    let full = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push(node as Text);
      full += (node as Text).data;
    }
    const at = full.indexOf(wanted);
    if (at === -1) return false;
    const locate = (offset: number, preferEnd: boolean) => {
      let seen = 0;
      for (const node of nodes) {
        const end = seen + node.data.length;
        if (offset < end || (preferEnd && offset === end)) return { node, offset: offset - seen };
        seen = end;
      }
      const last = nodes[nodes.length - 1]!;
      return { node: last, offset: last.data.length };
    };
    const start = locate(at, false);
    const end = locate(at + wanted.length, true);
    (root as HTMLElement).focus();
    const range = document.createRange();
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    // ProseMirror reads the selection now rather than on the queued event: a redraw landing in
    // between (the refresh after the previous action) writes ProseMirror's own selection back
    // over one it has not read yet, and CI lost a selection so. A mouse selection has no gap.
    document.dispatchEvent(new Event('selectionchange'));
    return true;
  }, text);
  if (!found) throw new Error(`"${text}" is not in the transcript`);
}

/** Puts the caret just before the first occurrence of `text`. */
export async function placeCaretBefore(page: Page, text: string): Promise<void> {
  await selectText(page, text);
  await page.keyboard.press('ArrowLeft');
}

/**
 * Selects the first occurrence of `text` with the mouse, as a researcher
 * does: pressed before its first letter, released after its last.
 */
export async function dragSelect(page: Page, text: string): Promise<void> {
  const box = await page.evaluate((wanted) => {
    const root = document.querySelector('.transcript');
    if (!root) return null;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(wanted);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      const first = range.getBoundingClientRect();
      range.setStart(node, at + wanted.length - 1);
      range.setEnd(node, at + wanted.length);
      const last = range.getBoundingClientRect();
      return {
        from: { x: first.left + 1, y: first.top + first.height / 2 },
        to: { x: last.right - 1, y: last.top + last.height / 2 },
      };
    }
    return null;
  }, text);
  if (!box) throw new Error(`"${text}" is not in one text node of the transcript`);
  await page.mouse.move(box.from.x, box.from.y);
  await page.mouse.down();
  await page.mouse.move(box.to.x, box.to.y, { steps: 5 });
  await page.mouse.up();
}

/** Codes the first occurrence of `words` from the keyboard palette, with the code `search` finds, and waits for its highlight. */
export async function codeWords(page: Page, words: string, search: string): Promise<void> {
  await selectText(page, words);
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Apply codes' });
  await palette.getByRole('textbox').fill(search);
  await palette.getByRole('textbox').press('Enter');
  await palette.waitFor({ state: 'detached' });
  await page.locator('.coding', { hasText: words }).first().waitFor();
}
