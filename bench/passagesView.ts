import { buildCodeTree } from '../renderer/features/codebook/codeTree';
import { groupPassages } from '../renderer/features/passages/groupPassages';
import type { CodeNode, Passage, PassageOverview } from '../shared/documents';

type Call = <T>(method: string, input: unknown) => Promise<T>;

/**
 * What the Passages view asks for, grouped by axis: the counts and the first
 * page, grouped as the view groups them. The codebook is read once, first.
 */
export async function passagesView(call: Call) {
  const tree = buildCodeTree(await call<CodeNode[]>('codes.list', {}));
  return async (query: Record<string, unknown>) => {
    const [list, overview] = await Promise.all([
      call<Passage[]>('passages.list', { ...query, limit: 300 }),
      call<PassageOverview>('passages.overview', query),
    ]);
    return groupPassages(tree, list, new Map(overview.codes.map((entry) => [entry.codeId, entry])));
  };
}
