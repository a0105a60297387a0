import { useRememberedChoice } from '../../components/useRememberedChoice';
import { Tabs } from '../../components/Tabs';
import { AgreementView } from '../agreement/AgreementView';
import type { DocumentTarget } from '../documents/DocumentsView';
import { GovernanceChart } from './GovernanceChart';
import { MatrixView } from './MatrixView';
import { RatingsView } from './RatingsView';
import { StatisticsView } from './StatisticsView';
import { QuotationsView } from '../quotations/QuotationsView';
import { ReportView } from '../reports/ReportView';
import { TypologyView } from '../reports/TypologyView';

const panes = [
  'matrix',
  'ratings',
  'chart',
  'statistics',
  'quotations',
  'typology',
  'report',
  'agreement',
] as const;

/** Analysis by axis: the framework matrix, the intensity ratings, the 2×2 chart, the statistics, the key quotations, typologies, the study report, and the coders' agreement. */
export function AnalysisView({ onOpen }: { onOpen: (target: DocumentTarget) => void }) {
  const [remembered, setPane] = useRememberedChoice<(typeof panes)[number]>(
    'analysis.pane',
    'matrix',
  );
  const pane = panes.includes(remembered) ? remembered : 'matrix';
  return (
    <div className="analysis-view">
      <Tabs
        names={panes}
        current={pane}
        labelKey={(name) => `analysis.panes.${name}`}
        onChange={setPane}
      />
      {pane === 'matrix' && <MatrixView onOpen={onOpen} />}
      {pane === 'ratings' && <RatingsView />}
      {pane === 'chart' && <GovernanceChart onOpen={onOpen} />}
      {pane === 'statistics' && <StatisticsView onOpen={onOpen} />}
      {pane === 'quotations' && <QuotationsView onOpen={onOpen} />}
      {pane === 'typology' && <TypologyView />}
      {pane === 'report' && <ReportView />}
      {pane === 'agreement' && <AgreementView onOpen={onOpen} />}
    </div>
  );
}
