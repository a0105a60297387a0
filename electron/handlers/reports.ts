import type { reportsContract } from '../../shared/contract/reports';
import type { DomainHandlers } from '../api/handlers';
import { typologyOf } from '../store/typology';

export const reportsHandlers: DomainHandlers<typeof reportsContract> = {
  'reports.typology': (context, { codeId }) => typologyOf(context.session.require().db, codeId),
};
