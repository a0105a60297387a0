import { z } from 'zod';
import type { Quotation, QuoteReferenceStyle } from '../quotations';
import { quoteReferenceStyles } from '../quotations';
import { entityId } from './documents';
import { method } from './method';
import { emptyInput } from './schemas';

// A short form is a cut of a passage: long passages are quoted, not pasted whole.
const shortForm = z.string().max(10_000, 'A short form is at most 10,000 characters.');

export interface QuotationList {
  quotations: Quotation[];
  referenceStyle: QuoteReferenceStyle;
}

export const quotationsContract = {
  'quotations.list': method<QuotationList>()(emptyInput),
  /** Marks a coded passage as a key quotation, last in the order: one undo step. */
  'quotations.mark': method<QuotationList>()(
    z.strictObject({ codingId: entityId, shortForm: shortForm.default('') }),
  ),
  'quotations.update': method<QuotationList>()(z.strictObject({ id: entityId, shortForm })),
  'quotations.unmark': method<QuotationList>()(z.strictObject({ id: entityId })),
  /** Puts a quotation at a place of the order. */
  'quotations.move': method<QuotationList>()(
    z.strictObject({ id: entityId, index: z.number().int().min(0).max(1_000_000) }),
  ),
  /** How every quotation names where it comes from ("DGS, Collectivité B" or "B"). */
  'quotations.setReferenceStyle': method<QuotationList>()(
    z.strictObject({ style: z.enum(quoteReferenceStyles) }),
  ),
};
