import type { casesContract } from '../../shared/contract/cases';
import type { DocumentLinks } from '../../shared/cases';
import { AxialError } from '../../shared/errors';
import type { DomainHandlers } from '../api/handlers';
import { exportTable } from '../exchange/tables/exportTable';
import { planImport } from '../exchange/tables/importTable';
import { importAfterReading } from './importAfterReading';
import {
  createAttribute,
  deleteAttribute,
  getAttribute,
  listAttributes,
  previewTypeChange,
  setAttributeValue,
  updateAttribute,
  valuesByEntity,
} from '../store/attributes';
import {
  createEntity,
  deleteEntity,
  documentLinks,
  entityDeletionImpact,
  listCases,
  listParticipants,
  setDocumentLinks,
  updateEntity,
} from '../store/cases';
import type { Db } from '../store/database';
import { getDocumentSummary } from '../store/documents';
import { getProject } from '../store/project';

function caseById(db: Db, id: string) {
  const found = listCases(db).find((row) => row.id === id);
  if (!found) throw new AxialError('not_found', 'This case no longer exists.', { id });
  return found;
}

function participantById(db: Db, id: string) {
  const found = listParticipants(db).find((row) => row.id === id);
  if (!found) throw new AxialError('not_found', 'This participant no longer exists.', { id });
  return found;
}

function linksOf(db: Db, documentId: string): DocumentLinks {
  getDocumentSummary(db, documentId);
  return {
    documentId,
    ...documentLinks(db, documentId),
    values: valuesByEntity(db, 'document').get(documentId) ?? {},
  };
}

export const casesHandlers: DomainHandlers<typeof casesContract> = {
  'cases.list': (context) => listCases(context.session.require().db),
  'cases.create': (context, { name }) => {
    const { db, history } = context.session.require();
    return caseById(
      db,
      history.run(db, 'createCase', (changes) => createEntity(db, changes, 'study_case', name)),
    );
  },
  'cases.update': (context, { id, ...patch }) => {
    const { db, history } = context.session.require();
    history.run(db, 'updateCase', (changes) =>
      updateEntity(db, changes, 'study_case', id, patch, context.coder),
    );
    return caseById(db, id);
  },
  'cases.deletionImpact': (context, { id }) =>
    entityDeletionImpact(context.session.require().db, 'study_case', id),
  'cases.delete': (context, { id }) => {
    const { db, history } = context.session.require();
    history.run(db, 'deleteCase', (changes) => deleteEntity(db, changes, 'study_case', id));
    return null;
  },

  'participants.list': (context) => listParticipants(context.session.require().db),
  'participants.create': (context, { name, caseId }) => {
    const { db, history } = context.session.require();
    return participantById(
      db,
      history.run(db, 'createParticipant', (changes) =>
        createEntity(db, changes, 'participant', name, caseId),
      ),
    );
  },
  'participants.update': (context, { id, ...patch }) => {
    const { db, history } = context.session.require();
    history.run(db, 'updateParticipant', (changes) =>
      updateEntity(db, changes, 'participant', id, patch, context.coder),
    );
    return participantById(db, id);
  },
  'participants.deletionImpact': (context, { id }) =>
    entityDeletionImpact(context.session.require().db, 'participant', id),
  'participants.delete': (context, { id }) => {
    const { db, history } = context.session.require();
    history.run(db, 'deleteParticipant', (changes) => deleteEntity(db, changes, 'participant', id));
    return null;
  },

  'attributes.list': (context) => listAttributes(context.session.require().db),
  'attributes.create': (context, input) => {
    const { db, history } = context.session.require();
    return getAttribute(
      db,
      history.run(db, 'createAttribute', (changes) => createAttribute(db, changes, input)),
    );
  },
  'attributes.previewTypeChange': (context, { id, type, choices }) =>
    previewTypeChange(context.session.require().db, id, type, choices),
  'attributes.update': (context, { id, ...patch }) => {
    const { db, history } = context.session.require();
    history.run(db, 'updateAttribute', (changes) => updateAttribute(db, changes, id, patch));
    return getAttribute(db, id);
  },
  'attributes.delete': (context, { id }) => {
    const { db, history } = context.session.require();
    history.run(db, 'deleteAttribute', (changes) => deleteAttribute(db, changes, id));
    return null;
  },
  'attributes.setValue': (context, { attributeId, entityId, value }) => {
    const { db, history } = context.session.require();
    history.run(db, 'setValue', (changes) =>
      setAttributeValue(db, changes, attributeId, entityId, value),
    );
    return null;
  },

  'documents.links': (context, { documentId }) => linksOf(context.session.require().db, documentId),
  'documents.setLinks': (context, { documentId, ...links }) => {
    const { db, history } = context.session.require();
    getDocumentSummary(db, documentId);
    history.run(db, 'linkDocument', (changes) => setDocumentLinks(db, changes, documentId, links));
    return linksOf(db, documentId);
  },

  'tables.previewImport': (context, { entityKind, fileName, data, jobId }) =>
    importAfterReading(
      context,
      { what: 'table', fileName, bytes: data },
      jobId,
      (table, project) => planImport(project.db, entityKind, table).preview,
    ),
  'tables.import': (context, { entityKind, fileName, data, jobId }) =>
    importAfterReading(
      context,
      { what: 'table', fileName, bytes: data },
      jobId,
      (table, { db, history }) =>
        history.run(db, 'importTable', (changes) => {
          // Planned again inside the transaction, so the check and the writes see the same project.
          const plan = planImport(db, entityKind, table);
          if (plan.preview.problems.length > 0) {
            throw new AxialError(
              'invalid_file',
              `"${fileName}" has ${plan.preview.problems.length} problems; nothing was imported. Correct the rows listed in the preview and import again.`,
              { file: fileName, reason: 'tableProblems', count: plan.preview.problems.length },
            );
          }
          plan.apply(db, changes);
          return plan.preview;
        }),
    ),
  'tables.export': async (context, { entityKind, format, csvStyle }) => {
    const { db, path } = context.session.require();
    const language = getProject(db, path).language;
    return exportTable(db, entityKind, format, csvStyle, language);
  },
};
