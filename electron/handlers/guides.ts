import type { guidesContract } from '../../shared/contract/guides';
import type { DomainHandlers } from '../api/handlers';
import { guideToDocx } from '../exchange/guideDocx';
import {
  answersByQuestion,
  coverage,
  createAnswer,
  deleteAnswer,
  listAnswers,
  listChecks,
  setCheck,
} from '../store/answers';
import { proposeAnswers } from '../store/answerProposals';
import { listCodes } from '../store/codes';
import { getDocumentSummary, requireVersion, setDocumentGuide } from '../store/documents';
import {
  addGuideItem,
  createGuide,
  deleteGuide,
  deleteGuideItem,
  duplicateGuide,
  getGuide,
  indentGuideItem,
  listGuides,
  moveGuideItem,
  updateGuide,
  updateGuideItem,
} from '../store/guides';
import { getProject } from '../store/project';

const docxLabels = {
  en: { version: 'Version', informs: 'Informs:', minutes: 'min' },
  fr: { version: 'Version', informs: 'Éclaire :', minutes: 'min' },
};

export const guidesHandlers: DomainHandlers<typeof guidesContract> = {
  'guides.list': (context) => listGuides(context.session.require().db),
  'guides.get': (context, { id }) => getGuide(context.session.require().db, id),
  'guides.create': (context, { title }) => {
    const { db, history } = context.session.require();
    return getGuide(
      db,
      history.run(db, 'createGuide', (changes) => createGuide(db, changes, title)),
    );
  },
  'guides.update': (context, { id, ...patch }) => {
    const { db, history } = context.session.require();
    history.run(db, 'updateGuide', (changes) => updateGuide(db, changes, id, patch));
    return getGuide(db, id);
  },
  'guides.duplicate': (context, { id, versionLabel, changeNote }) => {
    const { db, history } = context.session.require();
    return getGuide(
      db,
      history.run(db, 'duplicateGuide', (changes) =>
        duplicateGuide(db, changes, id, versionLabel, changeNote),
      ),
    );
  },
  'guides.delete': (context, { id }) => {
    const { db, history } = context.session.require();
    history.run(db, 'deleteGuide', (changes) => deleteGuide(db, changes, id));
    return null;
  },
  'guides.addItem': (context, { guideId, ...input }) => {
    const { db, history } = context.session.require();
    history.run(db, 'editGuideItem', (changes) => addGuideItem(db, changes, guideId, input));
    return getGuide(db, guideId);
  },
  'guides.updateItem': (context, { id, ...patch }) => {
    const { db, history } = context.session.require();
    return getGuide(
      db,
      history.run(db, 'editGuideItem', (changes) => updateGuideItem(db, changes, id, patch)),
    );
  },
  'guides.moveItem': (context, { id, parentId, index }) => {
    const { db, history } = context.session.require();
    return getGuide(
      db,
      history.run(db, 'editGuideItem', (changes) =>
        moveGuideItem(db, changes, id, parentId, index),
      ),
    );
  },
  'guides.indentItem': (context, { id, direction }) => {
    const { db, history } = context.session.require();
    return getGuide(
      db,
      history.run(db, 'editGuideItem', (changes) => indentGuideItem(db, changes, id, direction)),
    );
  },
  'guides.deleteItem': (context, { id }) => {
    const { db, history } = context.session.require();
    return getGuide(
      db,
      history.run(db, 'editGuideItem', (changes) => deleteGuideItem(db, changes, id)),
    );
  },
  'guides.exportDocx': async (context, { id }) => {
    const { db, path } = context.session.require();
    const guide = getGuide(db, id);
    const data = await guideToDocx(guide, listCodes(db), docxLabels[getProject(db, path).language]);
    const safe = guide.title.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'guide';
    return {
      fileName: `${safe} v${guide.versionLabel}.docx`,
      data,
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    };
  },
  'documents.setGuide': (context, { documentId, guideId }) => {
    const { db, history } = context.session.require();
    getDocumentSummary(db, documentId);
    if (guideId) getGuide(db, guideId);
    history.run(db, 'setDocumentGuide', (changes) =>
      setDocumentGuide(db, changes, documentId, guideId),
    );
    return null;
  },
  'answers.forDocument': (context, { documentId }) =>
    listAnswers(context.session.require().db, documentId),
  'answers.create': (context, { documentId, itemId, start, end, version }) => {
    const { db, history } = context.session.require();
    return history.run(db, 'markAnswer', (changes) => {
      requireVersion(db, documentId, version);
      return createAnswer(db, changes, documentId, itemId, start, end);
    });
  },
  'answers.delete': (context, { id }) => {
    const { db, history } = context.session.require();
    history.run(db, 'removeAnswer', (changes) => deleteAnswer(db, changes, id));
    return null;
  },
  'answers.propose': (context, { documentId, guideId }) =>
    proposeAnswers(context.session.require().db, documentId, guideId),
  'answers.byQuestion': (context, { guideId }) =>
    answersByQuestion(context.session.require().db, guideId),
  'guides.coverage': (context, { guideId }) => coverage(context.session.require().db, guideId),
  'interview.checks': (context, { documentId }) =>
    listChecks(context.session.require().db, documentId),
  'interview.setCheck': (context, { documentId, itemId, checked }) => {
    const { db, history } = context.session.require();
    history.run(db, 'checkQuestion', (changes) =>
      setCheck(db, changes, documentId, itemId, checked),
    );
    return listChecks(db, documentId);
  },
};
