import type { searchContract } from '../../shared/contract/search';
import type { DomainHandlers } from '../api/handlers';
import { searchText } from '../store/search';

export const searchHandlers: DomainHandlers<typeof searchContract> = {
  'search.text': (context, { query, limit }) =>
    searchText(context.session.require().db, query, limit),
};
