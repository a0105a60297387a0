import type { CodeNode, Passage } from '../../../shared/documents';
import type { CodeTreeNode } from '../codebook/codeTree';

export interface PassageGroup {
  code: CodeNode;
  depth: number;
  /** Passages coded with this node itself. */
  passages: Passage[];
  children: PassageGroup[];
  /** Passages and distinct documents in this node and below it. */
  passageCount: number;
  documentCount: number;
  /** Passages of this node itself, loaded or not. */
  ownCount: number;
}

/**
 * Passages placed in the codebook tree: axis → variable → code, each level with
 * the number of passages and of documents beneath it. Empty branches are left out.
 */
export function groupPassages(
  tree: readonly CodeTreeNode[],
  passages: readonly Passage[],
  /** The server's counts when only the first passages are loaded (see `passages.overview`). */
  counts?: ReadonlyMap<string, { own: number; passages: number; documents: number }>,
): PassageGroup[] {
  const byCode = new Map<string, Passage[]>();
  for (const passage of passages) {
    const list = byCode.get(passage.coding.codeId) ?? [];
    list.push(passage);
    byCode.set(passage.coding.codeId, list);
  }
  const build = (node: CodeTreeNode): { group: PassageGroup | null; documents: Set<string> } => {
    const own = byCode.get(node.code.id) ?? [];
    const documents = new Set(own.map((passage) => passage.coding.documentId));
    const children: PassageGroup[] = [];
    let count = own.length;
    for (const child of node.children) {
      const built = build(child);
      if (!built.group) continue;
      children.push(built.group);
      count += built.group.passageCount;
      built.documents.forEach((id) => documents.add(id));
    }
    const known = counts?.get(node.code.id);
    if (counts ? !known?.passages : count === 0) return { group: null, documents };
    return {
      group: {
        code: node.code,
        depth: node.depth,
        passages: own,
        children,
        passageCount: known?.passages ?? count,
        documentCount: known?.documents ?? documents.size,
        ownCount: known?.own ?? own.length,
      },
      documents,
    };
  };
  return tree.map(build).flatMap((built) => (built.group ? [built.group] : []));
}
