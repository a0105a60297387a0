import type { CodeNode } from '../../../shared/documents';
import { codePath, foldForFilter } from '../codebook/codeTree';

/**
 * The codes the palette offers for what was typed, best first: a code whose
 * own name begins with it, then one whose name holds it, then one matched only
 * through its parents' names; within each, the codes used last first.
 */
export function paletteMatches(
  codable: readonly CodeNode[],
  codes: readonly CodeNode[],
  recent: readonly string[],
  query: string,
): CodeNode[] {
  const needle = foldForFilter(query.trim());
  const ranked = [...codable].sort((a, b) => {
    const recentA = recent.indexOf(a.id);
    const recentB = recent.indexOf(b.id);
    return (recentA === -1 ? 99 : recentA) - (recentB === -1 ? 99 : recentB);
  });
  if (!needle) return ranked;
  const closeness = (code: CodeNode) => {
    const name = foldForFilter(code.name);
    if (name.startsWith(needle)) return 0;
    if (name.includes(needle)) return 1;
    return foldForFilter(codePath(codes, code.id).join(' ')).includes(needle) ? 2 : null;
  };
  return ranked
    .map((code) => ({ code, closeness: closeness(code) }))
    .filter((entry): entry is { code: CodeNode; closeness: number } => entry.closeness !== null)
    .sort((left, right) => left.closeness - right.closeness)
    .map((entry) => entry.code);
}
