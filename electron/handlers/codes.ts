import { codingCountsOf } from '../store/codings';
import type { codesContract } from '../../shared/contract/codes';
import type { DomainHandlers } from '../api/handlers';
import {
  createCode,
  deleteCode,
  deletionImpact,
  getCode,
  listCodes,
  mergeCodes,
  moveCode,
  inVivoGroup,
  updateCode,
} from '../store/codes';

export const codesHandlers: DomainHandlers<typeof codesContract> = {
  'codes.list': (context) => listCodes(context.session.require().db),
  'codes.countsOf': (context, { coder }) => codingCountsOf(context.session.require().db, coder),

  'codes.create': (context, { inVivoGroup: intoGroup, ...input }) => {
    const project = context.session.require();
    const id = project.history.run(project.db, 'createCode', (changes) =>
      createCode(project.db, changes, {
        ...input,
        parentId: intoGroup ? inVivoGroup(project.db, changes) : input.parentId,
      }),
    );
    return getCode(project.db, id);
  },

  'codes.update': (context, { id, ...patch }) => {
    const project = context.session.require();
    project.history.run(project.db, 'updateCode', (changes) =>
      updateCode(project.db, changes, id, patch, context.coder),
    );
    return getCode(project.db, id);
  },

  'codes.move': (context, { id, parentId, index }) => {
    const project = context.session.require();
    project.history.run(project.db, 'moveCode', (changes) =>
      moveCode(project.db, changes, id, parentId, index),
    );
    return listCodes(project.db);
  },

  'codes.merge': (context, { sourceId, targetId }) => {
    const project = context.session.require();
    return project.history.run(project.db, 'mergeCodes', (changes) =>
      mergeCodes(project.db, changes, sourceId, targetId),
    );
  },

  'codes.deletionImpact': (context, { id }) => deletionImpact(context.session.require().db, id),

  'codes.delete': (context, { id }) => {
    const project = context.session.require();
    return project.history.run(project.db, 'deleteCode', (changes) =>
      deleteCode(project.db, changes, id),
    );
  },
};
