import type { QuotationList } from '../../shared/contract/quotations';
import type { quotationsContract } from '../../shared/contract/quotations';
import type { DomainHandlers } from '../api/handlers';
import type { HandlerContext } from '../api/context';
import type { Db } from '../store/database';
import type { ChangeSet } from '../store/journal';
import {
  listQuotations,
  markQuotation,
  moveQuotation,
  quoteReferenceStyle,
  setQuoteReferenceStyle,
  setShortForm,
  unmarkQuotation,
} from '../store/quotations';

function listed(db: Db): QuotationList {
  return { quotations: listQuotations(db), referenceStyle: quoteReferenceStyle(db) };
}

function edit(
  context: HandlerContext,
  action: 'quote' | 'editQuotation',
  write: (db: Db, changes: ChangeSet) => void,
): QuotationList {
  const { db, history } = context.session.require();
  history.run(db, action, (changes) => write(db, changes));
  return listed(db);
}

export const quotationsHandlers: DomainHandlers<typeof quotationsContract> = {
  'quotations.list': (context) => listed(context.session.require().db),
  'quotations.mark': (context, { codingId, shortForm }) =>
    edit(context, 'quote', (db, changes) => {
      markQuotation(db, changes, codingId, shortForm);
    }),
  'quotations.update': (context, { id, shortForm }) =>
    edit(context, 'editQuotation', (db, changes) => setShortForm(db, changes, id, shortForm)),
  'quotations.unmark': (context, { id }) =>
    edit(context, 'editQuotation', (db, changes) => unmarkQuotation(db, changes, id)),
  'quotations.move': (context, { id, index }) =>
    edit(context, 'editQuotation', (db, changes) => moveQuotation(db, changes, id, index)),
  'quotations.setReferenceStyle': (context, { style }) =>
    edit(context, 'editQuotation', (db, changes) => setQuoteReferenceStyle(db, changes, style)),
};
