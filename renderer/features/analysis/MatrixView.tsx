import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Matrix, MatrixLevel, MatrixRowKind } from '../../../shared/analysis';
import { matrixLevels, matrixRowKinds } from '../../../shared/analysis';
import type { Passage } from '../../../shared/documents';
import { useApi } from '../../api/context';
import { PassageList } from '../../components/PassageList';
import { downloadBytes } from '../../components/download';
import type { DocumentTarget } from '../documents/DocumentsView';
import { useProjectData } from '../project/ProjectData';

interface Selected {
  rowId: string;
  codeId: string;
}

/**
 * The framework matrix: cases (or participants, documents) × the model's axes,
 * variables or codes; each cell counts passages and documents, is shaded by
 * intensity, lists its passages when chosen, and holds the researcher's summary.
 */
export function MatrixView({ onOpen }: { onOpen: (target: DocumentTarget) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { showError, codes, documents, history } = useProjectData();
  const [rowKind, setRowKind] = useState<MatrixRowKind>('case');
  const [level, setLevel] = useState<MatrixLevel>('axis');
  const [matrix, setMatrix] = useState<Matrix | null>(null);
  const [selected, setSelected] = useState<Selected | null>(null);
  const [passages, setPassages] = useState<Passage[]>([]);
  const [summary, setSummary] = useState('');
  const [evidence, setEvidence] = useState<string[]>([]);

  const load = useCallback(() => {
    api['matrix.get']({ rowKind, level }).then(setMatrix).catch(showError);
  }, [api, rowKind, level, showError]);
  // Read again after every write: an undo of a cell's summary changes none of the lists.
  useEffect(load, [load, codes, documents, history.writes]);

  const cellOf = (rowId: string, codeId: string) =>
    matrix?.cells.find((cell) => cell.rowId === rowId && cell.codeId === codeId);
  const max = Math.max(1, ...(matrix?.cells.map((cell) => cell.passages) ?? [1]));

  const choose = (rowId: string, codeId: string) => {
    setSelected({ rowId, codeId });
    setSummary(cellOf(rowId, codeId)?.summary ?? '');
    const rowFilter =
      rowKind === 'case'
        ? { caseIds: [rowId] }
        : rowKind === 'participant'
          ? { participantIds: [rowId] }
          : { documentIds: [rowId] };
    api['passages.list']({ codeIds: [codeId], ...rowFilter })
      .then(setPassages)
      .catch(showError);
    api['ratings.list']({})
      .then((ratings) =>
        setEvidence(
          ratings.ratings.find((rating) => rating.caseId === rowId && rating.codeId === codeId)
            ?.evidence ?? [],
        ),
      )
      .catch(showError);
  };
  const exportAs = (format: 'xlsx' | 'csv') =>
    void api['matrix.export']({ rowKind, level, format, csvStyle: 'excel-fr' })
      .then((exported) => downloadBytes(exported.fileName, exported.data, exported.mimeType))
      .catch(showError);

  const rowName = (id: string) => matrix?.rows.find((row) => row.id === id)?.name ?? '';
  const columnName = (id: string) => matrix?.columns.find((column) => column.id === id)?.name ?? '';

  return (
    <div className="matrix-view">
      <div className="matrix-controls">
        <label className="field">
          <span>{t('matrix.rows')}</span>
          <select
            value={rowKind}
            onChange={(event) => setRowKind(event.target.value as MatrixRowKind)}
          >
            {matrixRowKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`matrix.rowKinds.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('matrix.columns')}</span>
          <select value={level} onChange={(event) => setLevel(event.target.value as MatrixLevel)}>
            {matrixLevels.map((option) => (
              <option key={option} value={option}>
                {t(`matrix.levels.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => exportAs('xlsx')}>
          {t('matrix.exportXlsx')}
        </button>
        <button type="button" onClick={() => exportAs('csv')}>
          {t('matrix.exportCsv')}
        </button>
      </div>
      {matrix && (
        <table className="matrix">
          <thead>
            <tr>
              <th>{t(`matrix.rowKinds.${rowKind}`)}</th>
              {matrix.columns.map((column) => (
                <th key={column.id}>
                  <span className="swatch" style={{ background: column.colour }} /> {column.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">{row.name}</th>
                {matrix.columns.map((column) => {
                  const cell = cellOf(row.id, column.id);
                  const share = (cell?.passages ?? 0) / max;
                  const isSelected = selected?.rowId === row.id && selected.codeId === column.id;
                  return (
                    <td
                      key={column.id}
                      className={isSelected ? 'selected' : undefined}
                      style={{ ['--intensity' as string]: String(share) }}
                    >
                      <button
                        type="button"
                        className="matrix-cell"
                        aria-label={t('matrix.cellLabel', { row: row.name, column: column.name })}
                        onClick={() => choose(row.id, column.id)}
                      >
                        <span className="cell-counts">
                          {cell && cell.passages > 0
                            ? t('matrix.counts', {
                                passages: t('matrix.passageCount', { count: cell.passages }),
                                documents: t('matrix.documentCount', { count: cell.documents }),
                              })
                            : '—'}
                        </span>
                        {cell?.summary && <span className="cell-summary">{cell.summary}</span>}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {selected && (
        <section
          className="matrix-detail"
          aria-label={t('matrix.detail', {
            row: rowName(selected.rowId),
            column: columnName(selected.codeId),
          })}
        >
          <h3>
            {rowName(selected.rowId)} × {columnName(selected.codeId)}
          </h3>
          <label className="field">
            <span>{t('matrix.summary')}</span>
            <textarea
              rows={3}
              value={summary}
              onChange={(event) => setSummary(event.target.value)}
              onBlur={() => {
                if (summary.trim() === (cellOf(selected.rowId, selected.codeId)?.summary ?? ''))
                  return;
                void api['matrix.setSummary']({
                  rowKind,
                  rowId: selected.rowId,
                  codeId: selected.codeId,
                  summary,
                })
                  .then(load)
                  .catch(showError);
              }}
            />
          </label>
          <PassageList
            passages={passages}
            onOpen={onOpen}
            extra={(passage) =>
              rowKind === 'case' &&
              level !== 'code' && (
                <label className="checkbox evidence-toggle">
                  <input
                    type="checkbox"
                    checked={evidence.includes(passage.coding.id)}
                    onChange={(event) => {
                      const linked = event.target.checked;
                      setEvidence((current) =>
                        linked
                          ? [...current, passage.coding.id]
                          : current.filter((id) => id !== passage.coding.id),
                      );
                      void api['ratings.linkEvidence']({
                        caseId: selected.rowId,
                        codeId: selected.codeId,
                        codingId: passage.coding.id,
                        linked,
                      }).catch(showError);
                    }}
                  />
                  <span>{t('ratings.useAsEvidence')}</span>
                </label>
              )
            }
          />
        </section>
      )}
    </div>
  );
}
