import type { agreementContract } from '../../shared/contract/agreement';
import type { DomainHandlers } from '../api/handlers';
import { agreementFileName, agreementToCsv, agreementToXlsx } from '../exchange/agreementExport';
import { agreementBetween, listCoders } from '../store/agreement';
import { listDisagreements, resolveDisagreement } from '../store/disagreements';
import { getProject } from '../store/project';

export const agreementHandlers: DomainHandlers<typeof agreementContract> = {
  'agreement.coders': (context) => listCoders(context.session.require().db),

  'agreement.compute': (context, request) =>
    agreementBetween(context.session.require().db, request),

  'agreement.disagreements': (context, request) =>
    listDisagreements(context.session.require().db, request),

  'agreement.resolve': (context, request) => {
    const { db, history } = context.session.require();
    history.run(db, 'resolveDisagreement', (changes) => resolveDisagreement(db, changes, request));
    return null;
  },

  'agreement.export': async (context, { format, csvStyle, language: asked, ...request }) => {
    const { db, path } = context.session.require();
    const report = agreementBetween(db, request);
    // The headers in the language the researcher works in, as the rest of what they read.
    const language = asked ?? context.settings.language('en');
    const fileName = agreementFileName(report, language);
    if (format === 'xlsx')
      return {
        fileName: `${fileName}.xlsx`,
        data: await agreementToXlsx(report, {
          language,
          projectTitle: getProject(db, path).title,
          exportedAt: new Date(),
        }),
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      };
    return {
      fileName: `${fileName}.csv`,
      data: agreementToCsv(report, language, csvStyle === 'excel-fr'),
      mimeType: 'text/csv',
    };
  },
};
