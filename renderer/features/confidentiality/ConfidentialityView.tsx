import type { ProjectSummary } from '../../../shared/domain';
import { IdentifierReview } from './IdentifierReview';
import { PseudonymiseHere } from './PseudonymiseHere';
import { PseudonymTable } from './PseudonymTable';
import { SharePseudonymised } from './SharePseudonymised';
import { usePseudonymTable } from './usePseudonymTable';

/** Pseudonymisation: the table of names, the check of the project, and sharing without names. */
export function ConfidentialityView({ project }: { project: ProjectSummary }) {
  const { entries, setEntries } = usePseudonymTable();
  const tableSize = entries?.length ?? 0;
  return (
    <div className="exchange-view confidentiality-view">
      <PseudonymTable entries={entries} onChange={setEntries} />
      <IdentifierReview entries={entries} onChange={setEntries} />
      <SharePseudonymised project={project} tableSize={tableSize} />
      <PseudonymiseHere tableSize={tableSize} />
    </div>
  );
}
