import { getSchema } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { documentExtensions } from './extensions';

export const documentSchema = getSchema(documentExtensions);

/** The JSON form of a document, as stored in the project. */
export interface DocumentJson {
  type: 'doc';
  content?: unknown[];
}

export function documentFromJson(json: unknown): ProseMirrorNode {
  const node = documentSchema.nodeFromJSON(json);
  node.check();
  return node;
}

export function emptyDocument(): DocumentJson {
  return { type: 'doc', content: [{ type: 'paragraph' }] };
}
