import { useTranslation } from 'react-i18next';
import type { ReadOnlyCopy } from '../../../shared/domain';
import { lockWords } from '../../components/ErrorMessage';
import { formatDateTime } from '../../components/formatDate';

/**
 * Says, above the workspace, that this is a snapshot: of what, when, and why
 * (who had it open, or a file that cannot be written).
 */
export function ReadOnlyBanner({ copy }: { copy: ReadOnlyCopy }) {
  const { t, i18n } = useTranslation();
  const takenAt = formatDateTime(copy.takenAt, i18n.language, 'short');
  const text = copy.notWritable
    ? t('lock.readOnlyBannerNotWritable', { path: copy.of, takenAt })
    : copy.heldBy
      ? t('lock.readOnlyBannerHeld', {
          path: copy.of,
          takenAt,
          ...lockWords(
            t,
            { ...copy.heldBy, otherComputer: copy.heldBy.otherComputer ? 1 : 0 },
            i18n.language,
          ),
        })
      : t('lock.readOnlyBanner', { path: copy.of, takenAt });
  return (
    <p className="read-only-banner" role="status" data-testid="read-only-banner">
      {text}
    </p>
  );
}
