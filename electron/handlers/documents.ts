import type { documentsContract } from '../../shared/contract/documents';
import { emptyDocument } from '../../shared/editor/schema';
import type { DomainHandlers } from '../api/handlers';
import { blocksToDocument, parseImport, previewOf } from '../exchange/import/importDocument';
import {
  applyDocumentSteps,
  createDocument,
  deleteDocument,
  getDocument,
  getDocumentSummary,
  listDocuments,
  updateDocument,
} from '../store/documents';

function bytesOf(base64: string): Uint8Array {
  return Buffer.from(base64, 'base64');
}

export const documentsHandlers: DomainHandlers<typeof documentsContract> = {
  'documents.list': (context) => listDocuments(context.session.require().db),

  'documents.get': (context, { id }) => getDocument(context.session.require().db, id),

  'documents.previewImport': async (context, { fileName, data }) => {
    context.session.require();
    return previewOf(fileName, await parseImport(fileName, bytesOf(data)));
  },

  'documents.import': async (context, { fileName, data, kind, title, speakers }) => {
    const project = context.session.require();
    // Parse fully before touching the project: a failed file leaves nothing behind.
    const parsed = await parseImport(fileName, bytesOf(data));
    const content = blocksToDocument(parsed.blocks, speakers);
    const id = project.history.run(project.db, 'importDocument', (changes) =>
      createDocument(project.db, changes, {
        kind,
        title: title ?? parsed.title,
        content,
        sourceName: fileName,
      }),
    );
    return getDocumentSummary(project.db, id);
  },

  'documents.update': (context, { id, ...patch }) => {
    const project = context.session.require();
    project.history.run(project.db, 'editDocument', (changes) =>
      updateDocument(project.db, changes, id, patch),
    );
    return getDocumentSummary(project.db, id);
  },

  'documents.applySteps': (context, { id, version, steps, continueTyping }) => {
    const project = context.session.require();
    const next = project.history.run(
      project.db,
      'editText',
      (changes) => applyDocumentSteps(project.db, changes, id, version, steps),
      { key: `text:${id}`, join: continueTyping },
    );
    return { version: next, history: project.history.state() };
  },

  'documents.createEmpty': (context, { title, kind }) => {
    const project = context.session.require();
    const id = project.history.run(project.db, 'importDocument', (changes) =>
      createDocument(project.db, changes, {
        kind,
        title,
        content: emptyDocument(),
        sourceName: null,
      }),
    );
    return getDocumentSummary(project.db, id);
  },

  'documents.delete': (context, { id }) => {
    const project = context.session.require();
    project.history.run(project.db, 'deleteDocument', (changes) =>
      deleteDocument(project.db, changes, id),
    );
    return null;
  },
};
