import type { historyContract } from '../../shared/contract/history';
import type { DomainHandlers } from '../api/handlers';

export const historyHandlers: DomainHandlers<typeof historyContract> = {
  'history.state': (context) => context.session.require().history.state(),
  'history.undo': (context) => {
    const project = context.session.require();
    return project.history.undo(project.db);
  },
  'history.redo': (context) => {
    const project = context.session.require();
    return project.history.redo(project.db);
  },
};
