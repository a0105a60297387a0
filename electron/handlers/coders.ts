import type { codersContract } from '../../shared/contract/coders';
import type { DomainHandlers } from '../api/handlers';
import { listProjectCoders, setCoderColour } from '../store/coders';

export const codersHandlers: DomainHandlers<typeof codersContract> = {
  'coders.list': (context) => listProjectCoders(context.session.require().db),

  'coders.setColour': (context, { name, colour }) => {
    const { db, history } = context.session.require();
    history.run(db, 'changeCoderColour', (changes) => setCoderColour(db, changes, name, colour));
    return listProjectCoders(db);
  },
};
