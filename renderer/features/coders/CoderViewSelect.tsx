import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/context';
import { useProjectData } from '../project/ProjectData';
import type { CoderViewChoice } from './CoderView';
import { useCoderView } from './CoderView';

const valueOf = (choice: CoderViewChoice) =>
  choice.kind === 'coder' ? `coder:${choice.name}` : choice.kind;

/** Everyone's codings, only mine (blind coding), or one coder's. */
export function CoderViewSelect() {
  const { t } = useTranslation();
  const api = useApi();
  const { history, showError } = useProjectData();
  const { choice, choose, me } = useCoderView();
  const [coders, setCoders] = useState<string[]>([]);
  useEffect(() => {
    let current = true;
    api['agreement.coders']({})
      .then((list) => {
        if (current) setCoders(list.map((coder) => coder.name));
      })
      .catch(showError);
    return () => {
      current = false;
    };
  }, [api, showError, history.writes]);
  const others = coders.filter((name) => name !== me);
  // A chosen coder whose codings are all gone stays in the list while chosen.
  if (choice.kind === 'coder' && !others.includes(choice.name)) others.push(choice.name);
  return (
    <div className={`coder-view${choice.kind === 'everyone' ? '' : ' narrowed'}`}>
      <label>
        {t('coderView.label')}
        <select
          value={valueOf(choice)}
          onChange={(event) => {
            const value = event.target.value;
            choose(
              value === 'everyone' || value === 'mine'
                ? { kind: value }
                : { kind: 'coder', name: value.slice('coder:'.length) },
            );
          }}
        >
          <option value="everyone">{t('coderView.everyone')}</option>
          {me && <option value="mine">{t('coderView.mine')}</option>}
          {others.map((name) => (
            <option key={name} value={`coder:${name}`}>
              {t('coderView.coder', { name })}
            </option>
          ))}
        </select>
      </label>
      {choice.kind === 'mine' && me && <p className="muted">{t('coderView.blindNote')}</p>}
      {choice.kind === 'coder' && (
        <p className="muted">{t('coderView.coderNote', { name: choice.name })}</p>
      )}
    </div>
  );
}
