import { useTranslation } from 'react-i18next';
import type { AnswerProposal } from '../../../shared/guides';
import { formatTime } from '../../../shared/text/time';

/** Where a proposed answer starts and ends, how long it is, and a warning when it runs long. */
export function ProposalExtent({ proposal }: { proposal: AnswerProposal }) {
  const { t } = useTranslation();
  const span =
    proposal.startTime !== null &&
    proposal.endTime !== null &&
    proposal.endTime > proposal.startTime
      ? ` · ${formatTime(proposal.startTime)}–${formatTime(proposal.endTime)}`
      : '';
  return (
    <>
      <span className="proposal-extent">
        <q>{proposal.firstWords}</q>
        {proposal.lastWords && (
          <>
            {' → '}
            <q>{proposal.lastWords}</q>
          </>
        )}
      </span>
      <small className="muted proposal-size">
        {t('guides.proposalLength', { count: proposal.length })} ·{' '}
        {t('guides.proposalTurns', { count: proposal.turns })}
        {span}
      </small>
      {proposal.long && (
        <small className="warning proposal-long">
          {t('guides.longAnswer', { count: proposal.turns })}
        </small>
      )}
    </>
  );
}
