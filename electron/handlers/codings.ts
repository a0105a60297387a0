import type { codingsContract } from '../../shared/contract/codings';
import type { DomainHandlers } from '../api/handlers';
import { getCode, inVivoGroup } from '../store/codes';
import {
  createCodings,
  createInVivoCoding,
  deleteCoding,
  getCoding,
  listCodings,
  updateCoding,
} from '../store/codings';
import { requireVersion } from '../store/documents';
import { listPassages, passageOverview } from '../store/passages';
import { speakerTurns } from '../store/speakerTurns';
import type { Coding } from '../../shared/documents';

export const codingsHandlers: DomainHandlers<typeof codingsContract> = {
  'codings.forDocument': (context, { documentId, coders }) =>
    listCodings(context.session.require().db, documentId, coders),

  'codings.create': (context, { documentId, start, end, version, codeIds }) => {
    const project = context.session.require();
    return project.history.run(project.db, 'applyCodes', (changes) => {
      requireVersion(project.db, documentId, version);
      return createCodings(project.db, changes, documentId, start, end, codeIds, context.coder);
    });
  },

  'codings.createInVivo': (
    context,
    { documentId, start, end, version, parentId, inVivoGroup: intoGroup },
  ) => {
    const project = context.session.require();
    const result = project.history.run(project.db, 'inVivo', (changes) => {
      requireVersion(project.db, documentId, version);
      return createInVivoCoding(
        project.db,
        changes,
        documentId,
        start,
        end,
        intoGroup ? inVivoGroup(project.db, changes) : parentId,
        context.coder,
      );
    });
    return { code: getCode(project.db, result.codeId), coding: result.coding };
  },

  'codings.codeTurns': (context, { documentId, version, speaker, codeIds }) => {
    const project = context.session.require();
    return project.history.run(project.db, 'codeTurns', (changes) => {
      requireVersion(project.db, documentId, version);
      const created: Coding[] = [];
      for (const turn of speakerTurns(project.db, documentId, speaker))
        created.push(
          ...createCodings(
            project.db,
            changes,
            documentId,
            turn.start,
            turn.end,
            codeIds,
            context.coder,
          ),
        );
      return created;
    });
  },

  'codings.update': (context, { id, version, ...patch }) => {
    const project = context.session.require();
    project.history.run(project.db, 'updateCoding', (changes) => {
      if (version !== undefined)
        requireVersion(project.db, getCoding(project.db, id).documentId, version);
      updateCoding(project.db, changes, id, patch, context.coder);
    });
    return getCoding(project.db, id);
  },

  'codings.delete': (context, { id }) => {
    const project = context.session.require();
    project.history.run(project.db, 'removeCoding', (changes) =>
      deleteCoding(project.db, changes, id),
    );
    return null;
  },

  'passages.list': (context, query) => listPassages(context.session.require().db, query),
  'passages.overview': (context, query) => passageOverview(context.session.require().db, query),
};
