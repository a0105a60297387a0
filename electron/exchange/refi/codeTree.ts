import type { CodeNode } from '../../../shared/documents';
import { asGuid } from './guid';
import type { XmlWriter } from './xml';

const RGB = /^#([0-9a-f]{6}|[0-9a-f]{3})$/i;

/**
 * The codebook as nested Code elements, the same in a project and in a .qdc.
 * `noteOf` gives the note to reference (projects only: codebook files have no notes).
 */
export function writeCodeTree(
  xml: XmlWriter,
  codes: readonly CodeNode[],
  noteOf: ((code: CodeNode) => string | null) | null,
): void {
  const children = childrenByParent(codes);
  const write = (code: CodeNode) => {
    xml.open('Code', {
      guid: asGuid(code.id),
      name: code.name,
      isCodable: code.codable,
      color: RGB.test(code.colour) ? code.colour : null,
    });
    if (code.description) xml.text('Description', code.description);
    const note = noteOf?.(code);
    if (note) xml.empty('NoteRef', { targetGUID: note });
    for (const child of children.get(code.id) ?? []) write(child);
    xml.close('Code');
  };
  xml.open('Codes');
  for (const root of children.get(null) ?? []) write(root);
  xml.close('Codes');
}

/** The codes under each parent (null: the axes), in their order. */
export function childrenByParent(codes: readonly CodeNode[]): Map<string | null, CodeNode[]> {
  const children = new Map<string | null, CodeNode[]>();
  for (const code of codes) {
    const list = children.get(code.parentId) ?? [];
    list.push(code);
    children.set(code.parentId, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.position - b.position);
  return children;
}
