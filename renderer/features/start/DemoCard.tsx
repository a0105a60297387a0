import { useTranslation } from 'react-i18next';
import type { ProjectSummary } from '../../../shared/domain';
import { useApi } from '../../api/context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useAction } from '../../components/useAction';

/** A finished study to explore: a fresh copy in the documents folder each time, never a shared file. */
export function DemoCard({ onOpened }: { onOpened: (project: ProjectSummary) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { pending, error, run } = useAction();
  return (
    <section className="card demo-card" aria-labelledby="demo-heading">
      <h2 id="demo-heading">{t('start.demoHeading')}</h2>
      <p>{t('start.demoExplanation')}</p>
      <button
        type="button"
        className="primary"
        disabled={pending}
        onClick={() => void run(async () => onOpened(await api['projects.openDemo']({})))}
      >
        {pending ? t('start.demoOpening') : t('start.openDemo')}
      </button>
      <ErrorMessage error={error} />
    </section>
  );
}
