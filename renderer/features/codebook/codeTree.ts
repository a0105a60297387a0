import type { CodeNode } from '../../../shared/documents';

export interface CodeTreeNode {
  code: CodeNode;
  depth: number;
  children: CodeTreeNode[];
  /** Codings of this node and everything below it. */
  totalCodings: number;
}

/** The flat list from the API (parents first) as a tree with subtree counts. */
export function buildCodeTree(codes: readonly CodeNode[]): CodeTreeNode[] {
  const nodes = new Map<string, CodeTreeNode>();
  const roots: CodeTreeNode[] = [];
  for (const code of codes) {
    const parent = code.parentId ? nodes.get(code.parentId) : undefined;
    const node: CodeTreeNode = {
      code,
      depth: parent ? parent.depth + 1 : 0,
      children: [],
      totalCodings: code.codingCount,
    };
    nodes.set(code.id, node);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const total = (node: CodeTreeNode): number => {
    node.totalCodings =
      node.code.codingCount + node.children.reduce((sum, child) => sum + total(child), 0);
    return node.totalCodings;
  };
  roots.forEach(total);
  return roots;
}

/** "Proactivity › Political leadership › Mayor" */
export function codePath(codes: readonly CodeNode[], id: string): string[] {
  const byId = new Map(codes.map((code) => [code.id, code]));
  const path: string[] = [];
  let current = byId.get(id);
  while (current) {
    path.unshift(current.name);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return path;
}

export function foldForFilter(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
