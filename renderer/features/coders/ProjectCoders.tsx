import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectCoder } from '../../../shared/coders';
import { useApi } from '../../api/context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useAction } from '../../components/useAction';

/** Everyone who codes in the open project, with the colour the team gives each. */
export function ProjectCoders() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [coders, setCoders] = useState<ProjectCoder[] | null>(null);
  const { error, run } = useAction();
  useEffect(() => {
    void run(async () => setCoders(await api['coders.list']({})));
  }, [api, run]);
  if (!coders) return <ErrorMessage error={error} />;
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <section className="project-coders" aria-labelledby="project-coders-heading">
      <h3 id="project-coders-heading">{t('coders.heading')}</h3>
      {coders.length === 0 ? (
        <p className="muted">{t('coders.none')}</p>
      ) : (
        <ul>
          {coders.map((coder) => (
            <li key={coder.name}>
              <input
                type="color"
                value={coder.colour.toLowerCase()}
                aria-label={t('coders.colour', { name: coder.name })}
                onChange={(event) => {
                  const colour = event.target.value;
                  void run(async () =>
                    setCoders(await api['coders.setColour']({ name: coder.name, colour })),
                  );
                }}
              />
              <span className="project-coder-name">{coder.name}</span>
              <span className="muted small">
                {t('coders.counts', {
                  count: coder.codings,
                  codings: number.format(coder.codings),
                  documents: t('coders.documents', { count: coder.documents }),
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}
