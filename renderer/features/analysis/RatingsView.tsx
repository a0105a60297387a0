import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rating, RatingScale, Ratings } from '../../../shared/analysis';
import { useApi } from '../../api/context';
import { DraftField } from '../../components/DraftField';
import { useProjectData } from '../project/ProjectData';

/** Cases × axes: each case's intensity on each axis, its justification, and whether evidence backs it. */
export function RatingsView() {
  const { t } = useTranslation();
  const api = useApi();
  const { cases, codes, history, showError } = useProjectData();
  const [ratings, setRatings] = useState<Ratings | null>(null);
  useEffect(() => {
    api['ratings.list']({}).then(setRatings).catch(showError);
    // Read again after every write: an undo of a rating changes none of the lists.
  }, [api, showError, codes, history.writes]);
  const axes = codes.filter((code) => code.parentId === null);
  if (!ratings) return null;
  const values = Array.from(
    { length: ratings.scale.maximum - ratings.scale.minimum + 1 },
    (_, index) => ratings.scale.minimum + index,
  );
  const ratingOf = (caseId: string, codeId: string): Rating | undefined =>
    ratings.ratings.find((rating) => rating.caseId === caseId && rating.codeId === codeId);
  const save = (
    caseId: string,
    codeId: string,
    patch: { value?: number | null; justification?: string },
  ) =>
    void api['ratings.set']({ caseId, codeId, ...patch })
      .then(setRatings)
      .catch(showError);

  return (
    <div className="ratings-view">
      <ScaleEditor
        scale={ratings.scale}
        onSave={(scale) => void api['ratings.setScale'](scale).then(setRatings).catch(showError)}
      />
      <div className="table-scroll">
        <table className="ratings">
          <thead>
            <tr>
              <th>{t('matrix.rowKinds.case')}</th>
              {axes.map((axis) => (
                <th key={axis.id}>{axis.name}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cases.map((row) => (
              <tr key={row.id}>
                <th scope="row">{row.name}</th>
                {axes.map((axis) => {
                  const rating = ratingOf(row.id, axis.id);
                  return (
                    <td key={axis.id} className="rating-cell">
                      <select
                        aria-label={t('ratings.valueOf', { case: row.name, axis: axis.name })}
                        value={rating?.value ?? ''}
                        onChange={(event) =>
                          save(row.id, axis.id, {
                            value: event.target.value === '' ? null : Number(event.target.value),
                          })
                        }
                      >
                        <option value="">—</option>
                        {values.map((value, index) => (
                          <option key={value} value={value}>
                            {value}
                            {ratings.scale.labels[index] ? ` · ${ratings.scale.labels[index]}` : ''}
                          </option>
                        ))}
                      </select>
                      <DraftField
                        multiline
                        label={t('ratings.justificationOf', { case: row.name, axis: axis.name })}
                        value={rating?.justification ?? ''}
                        onSave={(justification) => save(row.id, axis.id, { justification })}
                      />
                      <span className={rating?.evidence.length ? 'evidence' : 'evidence missing'}>
                        {rating?.evidence.length
                          ? t('ratings.evidence', { count: rating.evidence.length })
                          : t('ratings.noEvidence')}
                      </span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** The project's scale: its range and, optionally, a label for each value. */
function ScaleEditor({
  scale,
  onSave,
}: {
  scale: RatingScale;
  onSave: (scale: RatingScale) => void;
}) {
  const { t } = useTranslation();
  const [minimum, setMinimum] = useState(String(scale.minimum));
  const [maximum, setMaximum] = useState(String(scale.maximum));
  const [labels, setLabels] = useState(scale.labels.join('\n'));
  return (
    <details className="scale-editor">
      <summary>{t('ratings.scale', { minimum: scale.minimum, maximum: scale.maximum })}</summary>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSave({
            minimum: Number(minimum),
            maximum: Number(maximum),
            labels: labels
              .split('\n')
              .map((label) => label.trim())
              .filter(Boolean),
          });
        }}
      >
        <label className="field">
          <span>{t('ratings.minimum')}</span>
          <input
            type="number"
            value={minimum}
            onChange={(event) => setMinimum(event.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('ratings.maximum')}</span>
          <input
            type="number"
            value={maximum}
            onChange={(event) => setMaximum(event.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('ratings.labels')}</span>
          <textarea rows={3} value={labels} onChange={(event) => setLabels(event.target.value)} />
        </label>
        <button type="submit">{t('ratings.saveScale')}</button>
      </form>
    </details>
  );
}
