import type { reportsContract } from '../../shared/contract/reports';
import type { DomainHandlers } from '../api/handlers';
import { fileBaseName } from '../exchange/runExport';
import { translator } from '../exchange/translator';
import { reportContent } from '../report/reportContent';
import { reportToDocx } from '../report/reportDocx';
import { templateStyles } from '../report/wordTemplate';
import { reportLayout, saveReportLayout } from '../store/reportLayout';
import { typologyOf } from '../store/typology';

export const reportsHandlers: DomainHandlers<typeof reportsContract> = {
  'reports.typology': (context, { codeId }) => typologyOf(context.session.require().db, codeId),
  'reports.layout': (context) => reportLayout(context.session.require().db),
  'reports.saveLayout': (context, { blocks }) => {
    const { db, history } = context.session.require();
    history.run(db, 'arrangeReport', (changes) => saveReportLayout(db, changes, blocks));
    return reportLayout(db);
  },
  'reports.content': (context) => {
    const { db, path } = context.session.require();
    return reportContent(db, path);
  },
  'reports.exportDocx': async (context, { template }) => {
    const { db, path } = context.session.require();
    const styles = template ? templateStyles(template) : undefined;
    const content = reportContent(db, path);
    return {
      fileName: `${fileBaseName(content.title)} - ${translator(content.language)('report.fileName')}.docx`,
      data: await reportToDocx(content, styles),
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    };
  },
};
