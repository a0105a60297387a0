import type { documentsContract } from '../../shared/contract/documents';
import { documentFromJson, emptyDocument } from '../../shared/editor/schema';
import type { DomainHandlers } from '../api/handlers';
import { blocksToDocument, originalKept, previewOf } from '../exchange/import/importDocument';
import { originalOf, readOriginalBytes, storeOriginal } from '../store/originals';
import {
  applyDocumentSteps,
  createDocument,
  deleteDocument,
  getDocument,
  getDocumentSummary,
  listDocuments,
  updateDocument,
} from '../store/documents';
import { setDocumentLinks } from '../store/cases';
import { importMatches } from '../store/importMatches';
import { importAfterReading } from './importAfterReading';
import { buildTextIndex } from '../../shared/text/textIndex';

export const documentsHandlers: DomainHandlers<typeof documentsContract> = {
  'documents.list': (context) => listDocuments(context.session.require().db),

  'documents.get': (context, { id }) => getDocument(context.session.require().db, id),

  'documents.previewImport': (context, { fileName, data, jobId }) =>
    importAfterReading(
      context,
      { what: 'document', fileName, bytes: data },
      jobId,
      (parsed, { db }) => {
        const preview = previewOf(fileName, parsed);
        const text = buildTextIndex(documentFromJson(blocksToDocument(parsed.blocks, {}))).text;
        return {
          ...preview,
          ...importMatches(
            db,
            fileName,
            text,
            preview.speakers.map((speaker) => speaker.label),
          ),
        };
      },
    ),

  'documents.import': async (
    context,
    { fileName, data, kind, title, speakers, participantIds, jobId },
  ) =>
    // Parsed fully before the project is touched: a failed file leaves nothing behind.
    importAfterReading(
      context,
      { what: 'document', fileName, bytes: data },
      jobId,
      (parsed, project) => {
        const content = blocksToDocument(parsed.blocks, speakers);
        // The document and its links to the participants its speakers are: one step to undo.
        const id = project.history.run(project.db, 'importDocument', (changes) => {
          const created = createDocument(project.db, changes, {
            kind,
            title: title ?? parsed.title,
            content,
            sourceName: fileName,
            date: parsed.date,
          });
          if (participantIds.length)
            setDocumentLinks(project.db, changes, created, { participantIds });
          const mimeType = originalKept[parsed.format];
          if (mimeType && parsed.original)
            storeOriginal(project.db, changes, created, {
              fileName,
              mimeType,
              bytes: parsed.original,
            });
          return created;
        });
        return getDocumentSummary(project.db, id);
      },
    ),

  'documents.original': (context, { id }) => {
    const db = context.session.require().db;
    const original = originalOf(db, id);
    const data = readOriginalBytes(db, id);
    return { fileName: original!.fileName, mimeType: original!.mimeType, data };
  },

  'documents.update': (context, { id, ...patch }) => {
    const project = context.session.require();
    project.history.run(project.db, 'editDocument', (changes) =>
      updateDocument(project.db, changes, id, patch, context.coder),
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
