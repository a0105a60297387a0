import { describe, expect, it } from 'vitest';
import type { ProjectListName } from '../../../shared/projectChanges';
import { ProjectListsStore } from '../../../renderer/features/project/projectLists';

const history = { undoLabel: null, redoLabel: null, writes: 0 };

/** Reads answered by hand, in the order a test chooses. */
function pendingReads() {
  const reads: { list: ProjectListName; answer: (rows: { id: string }[]) => void }[] = [];
  const read = (list: ProjectListName) =>
    new Promise<{ id: string }[]>((resolve) => reads.push({ list, answer: resolve }));
  return { reads, read };
}

const code = (id: string, codingCount = 0) => ({ id, name: id, codingCount }) as never;

describe('the workspace’s lists', () => {
  it('do not take a read that a newer change overtook, and read again', async () => {
    const { reads, read } = pendingReads();
    const store = new ProjectListsStore(read, (error) => {
      throw error;
    });
    const loaded = store.reload(['codes']);
    expect(reads).toHaveLength(1);
    // A write's change lands while the first read is on its way.
    store.apply({ history, written: 0, codes: { rows: [code('a', 1)], order: ['a'] } });
    expect(store.snapshot().codes).toEqual([code('a', 1)]);
    // The older read arrives: it must not put the code back without its coding.
    reads[0]!.answer([code('a', 0)]);
    await Promise.resolve();
    await Promise.resolve();
    expect(store.snapshot().codes).toEqual([code('a', 1)]);
    expect(reads).toHaveLength(2);
    reads[1]!.answer([code('a', 1), code('b')]);
    await loaded;
    expect(store.snapshot().codes).toEqual([code('a', 1), code('b')]);
  });

  it('read a list again whole when a change names a row it never held', async () => {
    const { reads, read } = pendingReads();
    const errors: unknown[] = [];
    const store = new ProjectListsStore(read, (error) => errors.push(error));
    store.apply({ history, written: 0, codes: { rows: [], order: ['unknown'] } });
    expect(reads.map((entry) => entry.list)).toEqual(['codes']);
    reads[0]!.answer([code('unknown')]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.snapshot().codes).toEqual([code('unknown')]);
    expect(errors).toEqual([]);
  });

  it('keep rows a change does not name as they were, in the order it gives', () => {
    const store = new ProjectListsStore(
      () => Promise.reject(new Error('no read expected')),
      (error) => {
        throw error;
      },
    );
    store.apply({
      history,
      written: 0,
      codes: { rows: [code('a'), code('b'), code('c')], order: ['a', 'b', 'c'] },
    });
    const before = store.snapshot().codes;
    store.apply({ history, written: 0, codes: { rows: [code('b', 2)], order: ['c', 'b'] } });
    const after = store.snapshot().codes;
    expect(after.map((row) => row.id)).toEqual(['c', 'b']);
    expect(after[0]).toBe(before[2]);
    expect(after[1]).toEqual(code('b', 2));
  });

  it('read every list again when the write count shows another client wrote meanwhile', async () => {
    const { reads, read } = pendingReads();
    const store = new ProjectListsStore(read, (error) => {
      throw error;
    });
    store.setHistory({ ...history, writes: 2 });
    // This client's own next write: two before, one now. Nothing is read.
    store.apply({ history: { ...history, writes: 3 }, written: 1, codes: { rows: [], order: [] } });
    expect(reads).toHaveLength(0);
    // Two more writes came from elsewhere before this one.
    store.apply({ history: { ...history, writes: 6 }, written: 1, codes: { rows: [], order: [] } });
    expect(reads.map((entry) => entry.list).sort()).toEqual([
      'attributes',
      'cases',
      'codes',
      'documents',
      'participants',
    ]);
    for (const entry of reads) entry.answer([]);
    // The window comes back into view: the count is asked for, and it has moved again.
    store.setHistory({ ...history, writes: 7 });
    expect(reads).toHaveLength(10);
    store.setHistory({ ...history, writes: 7 });
    expect(reads).toHaveLength(10);
  });
});
