import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityKind, TableImportPreview } from '../../../shared/cases';
import { useApi } from '../../api/context';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useAction } from '../../components/useAction';

/** What importing a table would change, with every problem listed by line; nothing is written until confirmed. */
export function TableImportDialog({
  entityKind,
  file,
  onClose,
  onImported,
}: {
  entityKind: EntityKind;
  file: { fileName: string; data: Uint8Array };
  onClose: () => void;
  onImported: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [preview, setPreview] = useState<TableImportPreview | null>(null);
  const { pending, error, run } = useAction();

  useEffect(() => {
    void run(async () => setPreview(await api['tables.previewImport']({ entityKind, ...file })));
  }, [api, entityKind, file, run]);

  return (
    <Dialog title={t('tables.importHeading', { file: file.fileName })} onClose={onClose}>
      <ErrorMessage error={error} />
      {preview && (
        <div className="table-preview">
          <p role="status">
            {t('tables.summary', {
              newEntities: preview.summary.newEntities,
              updatedEntities: preview.summary.updatedEntities,
              newAttributes: preview.summary.newAttributes,
              values: preview.summary.values,
            })}
          </p>
          <table className="mapping">
            <thead>
              <tr>
                <th>{t('tables.column')}</th>
                <th>{t('tables.becomes')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.columns.map((column, index) => (
                <tr key={`${column.header}-${index}`}>
                  <td>{column.header || '—'}</td>
                  <td>
                    {column.target === 'newAttribute' && column.newAttribute
                      ? t('tables.targets.newAttribute', {
                          type: t(`cases.types.${column.newAttribute.type}`),
                        })
                      : t(`tables.targets.${column.target}`)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.problems.length > 0 && (
            <div className="problems" role="alert">
              <p className="error-message">
                {t('tables.problems', { count: preview.problems.length })}
              </p>
              <ul>
                {preview.problems.map((problem, index) => (
                  <li key={index} data-line={problem.line} data-kind={problem.kind}>
                    {t('tables.line', { line: problem.line })}
                    {problem.column ? ` · ${problem.column}` : ''} —{' '}
                    {t(`tables.problemKinds.${problem.kind}`, { value: problem.value })}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={pending || !preview || preview.problems.length > 0}
          onClick={() =>
            void run(async () => {
              await api['tables.import']({ entityKind, ...file });
              onImported();
            })
          }
        >
          {t('tables.confirmImport')}
        </button>
      </div>
    </Dialog>
  );
}
