import type { AttributeDefinition, CaseRecord, ParticipantRecord } from '../../../shared/cases';
import type { CodeNode, DocumentSummary, HistoryState } from '../../../shared/documents';
import type { ListChange, ProjectChanges, ProjectListName } from '../../../shared/projectChanges';
import { applyListChange } from '../../../shared/projectChanges';

export interface ProjectLists {
  codes: CodeNode[];
  documents: DocumentSummary[];
  cases: CaseRecord[];
  participants: ParticipantRecord[];
  attributes: AttributeDefinition[];
  history: HistoryState;
}

export const projectListNames: readonly ProjectListName[] = [
  'codes',
  'documents',
  'cases',
  'participants',
  'attributes',
];

type ReadList = (list: ProjectListName) => Promise<{ id: string }[]>;

const empty: ProjectLists = {
  codes: [],
  documents: [],
  cases: [],
  participants: [],
  attributes: [],
  history: { undoLabel: null, redoLabel: null, writes: 0 },
};

/**
 * The open project's lists, kept by the changes each write returns. A list is
 * read whole only at the start and when a change names a row it does not hold;
 * a read that a newer change overtook is not taken (it would put older rows
 * back) and is made again.
 */
export class ProjectListsStore {
  private current: ProjectLists = empty;
  private readonly listeners = new Set<() => void>();
  private readonly generation = new Map<ProjectListName, number>();
  private closed = false;

  constructor(
    private readonly readList: ReadList,
    private readonly onError: (error: unknown) => void,
  ) {}

  readonly snapshot = (): ProjectLists => this.current;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  private emit(next: ProjectLists): void {
    this.current = next;
    for (const listener of this.listeners) listener();
  }

  private bump(list: ProjectListName): number {
    const next = (this.generation.get(list) ?? 0) + 1;
    this.generation.set(list, next);
    return next;
  }

  /** Reads lists whole; resolves once each holds rows at least as new as the last change. */
  async reload(lists: readonly ProjectListName[] = projectListNames): Promise<void> {
    await Promise.all(
      lists.map(async (list) => {
        for (;;) {
          const started = this.generation.get(list) ?? 0;
          const rows = await this.readList(list);
          if (this.closed) return;
          if ((this.generation.get(list) ?? 0) !== started) continue;
          this.emit({ ...this.current, [list]: rows });
          return;
        }
      }),
    );
  }

  /** The session's write count as last seen: a jump is another client's writes. */
  private seenWrites: number | null = null;

  /**
   * The undo history as the project gives it. Writes this client did not make
   * (another tab on the web host, a script through the API) moved the count:
   * every list is read again.
   */
  setHistory(history: HistoryState): void {
    const foreign = this.seenWrites !== null && history.writes !== this.seenWrites;
    this.seenWrites = Math.max(this.seenWrites ?? 0, history.writes);
    this.emit({ ...this.current, history });
    if (foreign) this.reload().catch(this.onError);
  }

  /** Applies what a write changed; lists it puts out of step are read again. */
  apply(changes: ProjectChanges): void {
    // Writes between this client's last and this one were another client's.
    const foreign =
      this.seenWrites !== null && changes.history.writes - changes.written !== this.seenWrites;
    this.seenWrites = Math.max(this.seenWrites ?? 0, changes.history.writes);
    const next: ProjectLists = { ...this.current, history: changes.history };
    const outOfStep: ProjectListName[] = [];
    for (const list of projectListNames) {
      const change = changes[list] as ListChange<{ id: string }> | undefined;
      if (!change) continue;
      this.bump(list);
      const applied = applyListChange(next[list] as { id: string }[], change);
      if (applied) (next as unknown as Record<ProjectListName, unknown>)[list] = applied;
      else outOfStep.push(list);
    }
    this.emit(next);
    if (foreign) this.reload().catch(this.onError);
    else if (outOfStep.length) this.reload(outOfStep).catch(this.onError);
  }

  /** Reads that land while the workspace is gone are dropped (React may mount it again). */
  open(): void {
    this.closed = false;
  }

  close(): void {
    this.closed = true;
  }
}
