import { useTranslation } from 'react-i18next';
import type { MergeChoice, MergeConflict } from '../../../shared/merge';

/**
 * Each difference with this project's version and theirs side by side, and
 * the choice: this project's is kept unless the researcher takes theirs.
 */
export function MergeConflicts({
  conflicts,
  choices,
  onChoose,
}: {
  conflicts: readonly MergeConflict[];
  choices: ReadonlyMap<string, MergeChoice>;
  onChoose: (changes: ReadonlyMap<string, MergeChoice>) => void;
}) {
  const { t } = useTranslation();
  if (conflicts.length === 0) return <p>{t('merge.noConflicts')}</p>;
  const all = (choice: MergeChoice) =>
    onChoose(new Map(conflicts.map((conflict) => [conflict.key, choice])));
  return (
    <fieldset className="merge-conflicts">
      <legend>{t('merge.conflictsHeading', { count: conflicts.length })}</legend>
      <p>{t('merge.conflictsExplanation')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('merge.what')}</th>
            <th scope="col">{t('merge.here')}</th>
            <th scope="col">{t('merge.theirs')}</th>
          </tr>
        </thead>
        <tbody>
          {conflicts.map((conflict) => {
            const choice = choices.get(conflict.key) ?? 'mine';
            const label = `${t(`merge.subjects.${conflict.subject}`)} · ${t(`merge.fields.${conflict.field}`)}`;
            return (
              <tr key={conflict.key} data-testid="merge-conflict">
                <th scope="row">
                  <span className="merge-where">{label}</span>
                  <span>{conflict.name}</span>
                </th>
                {(['mine', 'theirs'] as const).map((side) => (
                  <td key={side} className={choice === side ? 'merge-chosen' : undefined}>
                    <label>
                      <input
                        type="radio"
                        name={`merge-${conflict.key}`}
                        checked={choice === side}
                        onChange={() => onChoose(new Map([[conflict.key, side]]))}
                        aria-label={`${t(side === 'mine' ? 'merge.keepMine' : 'merge.takeTheirs')}: ${conflict.name}`}
                      />
                      <span className="merge-value">
                        {side === 'mine' ? conflict.mine : conflict.theirs}
                      </span>
                    </label>
                    {conflict.unplaced &&
                      conflict.unplaced[side === 'mine' ? 'theirs' : 'mine'] > 0 && (
                        <p className="warning">
                          {t(
                            side === 'mine' ? 'merge.textKeptUnplaced' : 'merge.textTakenUnplaced',
                            {
                              count: conflict.unplaced[side === 'mine' ? 'theirs' : 'mine'],
                            },
                          )}
                        </p>
                      )}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="exchange-buttons">
        <button type="button" onClick={() => all('mine')}>
          {t('merge.allMine')}
        </button>
        <button type="button" onClick={() => all('theirs')}>
          {t('merge.allTheirs')}
        </button>
      </div>
    </fieldset>
  );
}
