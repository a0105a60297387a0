import { FileButton } from '../../components/FileButton';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatrixLevel } from '../../../shared/analysis';
import { matrixLevels } from '../../../shared/analysis';
import type {
  DatasetTable,
  DatasetValues,
  ExchangeWarning,
  ExportedFile,
} from '../../../shared/exchange';
import { datasetTables, datasetValues } from '../../../shared/exchange';
import { useApi } from '../../api/context';
import { downloadBytes } from '../../components/download';
import { ErrorMessage } from '../../components/ErrorMessage';
import { readBytes } from '../../components/files';
import { useAction } from '../../components/useAction';
import { flushPendingEdits } from '../project/pendingEdits';
import { useBackgroundJobs } from '../jobs/BackgroundJobs';
import { ImportWarnings } from './ImportWarnings';
import { MergeCopy } from './MergeCopy';
import { NamesStillWritten } from '../confidentiality/NamesStillWritten';
import { useProjectData } from '../project/ProjectData';

const download = (file: ExportedFile) => downloadBytes(file.fileName, file.data, file.mimeType);

function selectedValues(select: HTMLSelectElement): string[] {
  return [...select.selectedOptions].map((option) => option.value);
}

/** Which codes, cases and documents go into the dataset; nothing chosen means all. */
function ScopePicker({
  codeIds,
  caseIds,
  documentIds,
  onChange,
}: {
  codeIds: string[];
  caseIds: string[];
  documentIds: string[];
  onChange: (scope: { codeIds: string[]; caseIds: string[]; documentIds: string[] }) => void;
}) {
  const { t } = useTranslation();
  const { codes, cases, documents } = useProjectData();
  const byId = new Map(codes.map((code) => [code.id, code]));
  const pathOf = (id: string): string => {
    const code = byId.get(id);
    if (!code) return '';
    return code.parentId ? `${pathOf(code.parentId)} / ${code.name}` : code.name;
  };
  const scope = { codeIds, caseIds, documentIds };
  const picker = (
    key: keyof typeof scope,
    label: string,
    options: readonly { id: string; label: string }[],
  ) => (
    <label className="field">
      <span>{label}</span>
      <select
        multiple
        name={`scope-${key}`}
        value={scope[key]}
        onChange={(event) => onChange({ ...scope, [key]: selectedValues(event.target) })}
      >
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="dataset-scope">
      {picker(
        'codeIds',
        t('exchange.dataset.codes'),
        codes.map((code) => ({ id: code.id, label: pathOf(code.id) })),
      )}
      {picker(
        'caseIds',
        t('exchange.dataset.cases'),
        cases.map((row) => ({ id: row.id, label: row.name })),
      )}
      {picker(
        'documentIds',
        t('exchange.dataset.documents'),
        documents.map((document) => ({ id: document.id, label: document.title })),
      )}
      <p className="hint">{t('exchange.dataset.scopeHint')}</p>
    </div>
  );
}

function DatasetExport() {
  const { t } = useTranslation();
  const api = useApi();
  const jobs = useBackgroundJobs();
  const [format, setFormat] = useState<'xlsx' | 'csv'>('xlsx');
  const [table, setTable] = useState<DatasetTable>('passages');
  const [values, setValues] = useState<DatasetValues>('counts');
  const [level, setLevel] = useState<MatrixLevel>('code');
  const [csvStyle, setCsvStyle] = useState<'rfc4180' | 'excel-fr'>('rfc4180');
  const [keepFormulas, setKeepFormulas] = useState(false);
  const [columnNames, setColumnNames] = useState<'readable' | 'safe'>('readable');
  const [scope, setScope] = useState({
    codeIds: [] as string[],
    caseIds: [] as string[],
    documentIds: [] as string[],
  });
  const [exported, setExported] = useState<string[]>([]);
  const { pending, error, run } = useAction();
  return (
    <section className="card exchange-card" aria-labelledby="dataset-heading">
      <h2 id="dataset-heading">{t('exchange.dataset.heading')}</h2>
      <p>{t('exchange.dataset.explanation')}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void run(async () => {
            await flushPendingEdits();
            const files = await jobs.runExport(
              t('jobs.labels.dataset', { format: format.toUpperCase() }),
              (jobId) =>
                api['dataset.export']({
                  jobId,
                  format,
                  table,
                  values,
                  level,
                  csvStyle,
                  keepFormulas,
                  columnNames,
                  ...(scope.codeIds.length ? { codeIds: scope.codeIds } : {}),
                  ...(scope.caseIds.length ? { caseIds: scope.caseIds } : {}),
                  ...(scope.documentIds.length ? { documentIds: scope.documentIds } : {}),
                }),
              (answer) => answer,
            );
            if (!files) return;
            setExported(files.map((file) => file.fileName));
          });
        }}
      >
        <div className="exchange-options">
          <label className="field">
            <span>{t('exchange.dataset.format')}</span>
            <select
              name="dataset-format"
              value={format}
              onChange={(event) => setFormat(event.target.value as 'xlsx' | 'csv')}
            >
              <option value="xlsx">{t('exchange.dataset.formats.xlsx')}</option>
              <option value="csv">{t('exchange.dataset.formats.csv')}</option>
            </select>
          </label>
          {format === 'csv' && (
            <>
              <label className="field">
                <span>{t('exchange.dataset.table')}</span>
                <select
                  name="dataset-table"
                  value={table}
                  onChange={(event) => setTable(event.target.value as DatasetTable)}
                >
                  {datasetTables.map((name) => (
                    <option key={name} value={name}>
                      {t(`exchange.dataset.tables.${name}`)}
                    </option>
                  ))}
                </select>
              </label>
              {table !== 'passages' && (
                <label className="field">
                  <span>{t('exchange.dataset.values')}</span>
                  <select
                    name="dataset-values"
                    value={values}
                    onChange={(event) => setValues(event.target.value as DatasetValues)}
                  >
                    {datasetValues.map((name) => (
                      <option key={name} value={name}>
                        {t(`exchange.dataset.valueKinds.${name}`)}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <label className="field">
                <span>{t('exchange.dataset.csvStyle')}</span>
                <select
                  name="dataset-csv-style"
                  value={csvStyle}
                  onChange={(event) => setCsvStyle(event.target.value as 'rfc4180' | 'excel-fr')}
                >
                  <option value="rfc4180">{t('exchange.dataset.csvStyles.rfc4180')}</option>
                  <option value="excel-fr">{t('exchange.dataset.csvStyles.excelFr')}</option>
                </select>
              </label>
              <label className="checkbox" title={t('exchange.dataset.keepFormulasHint')}>
                <input
                  type="checkbox"
                  name="dataset-keep-formulas"
                  checked={keepFormulas}
                  onChange={(event) => setKeepFormulas(event.target.checked)}
                />
                {t('exchange.dataset.keepFormulas')}
              </label>
            </>
          )}
          <label className="field">
            <span>{t('exchange.dataset.columnNames')}</span>
            <select
              name="dataset-column-names"
              value={columnNames}
              onChange={(event) => setColumnNames(event.target.value as 'readable' | 'safe')}
            >
              <option value="readable">{t('exchange.dataset.columnNameKinds.readable')}</option>
              <option value="safe">{t('exchange.dataset.columnNameKinds.safe')}</option>
            </select>
          </label>
          {(format === 'xlsx' || table !== 'passages') && (
            <label className="field">
              <span>{t('exchange.dataset.level')}</span>
              <select
                name="dataset-level"
                value={level}
                onChange={(event) => setLevel(event.target.value as MatrixLevel)}
              >
                {matrixLevels.map((name) => (
                  <option key={name} value={name}>
                    {t(`matrix.levels.${name}`)}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        <ScopePicker {...scope} onChange={setScope} />
        <ErrorMessage error={error} />
        {exported.length > 0 && (
          <p className="success" role="status">
            {t('exchange.exported', { files: exported.join(', ') })}
          </p>
        )}
        <button type="submit" className="primary" disabled={pending}>
          {t('exchange.dataset.export')}
        </button>
      </form>
    </section>
  );
}

function CodebookExchange() {
  const { t } = useTranslation();
  const api = useApi();
  const [status, setStatus] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<ExchangeWarning[]>([]);
  const { pending, error, run } = useAction();
  return (
    <section className="card exchange-card" aria-labelledby="codebook-exchange-heading">
      <h2 id="codebook-exchange-heading">{t('exchange.codebook.heading')}</h2>
      <div className="exchange-buttons">
        <button
          type="button"
          disabled={pending}
          onClick={() =>
            void run(async () => {
              const file = await api['codebook.exportDocument']({});
              download(file);
              setStatus(t('exchange.exported', { files: file.fileName }));
            })
          }
        >
          {t('exchange.codebook.document')}
        </button>
        <button
          type="button"
          disabled={pending}
          onClick={() =>
            void run(async () => {
              const file = await api['refi.exportCodebook']({});
              download(file);
              setStatus(t('exchange.exported', { files: file.fileName }));
            })
          }
        >
          {t('exchange.codebook.qdc')}
        </button>
        <FileButton
          label={t('exchange.codebook.import')}
          name="qdc-file"
          accept=".qdc,.xml"
          onFiles={([file]) => {
            if (!file) return;
            void run(async () => {
              const result = await api['refi.importCodebook']({
                fileName: file.name,
                data: await readBytes(file),
              });
              setStatus(
                t('exchange.codebook.imported', { count: result.added, matched: result.matched }),
              );
              setWarnings(result.warnings);
            });
          }}
        />
      </div>
      <ErrorMessage error={error} />
      {status && (
        <p className="success" role="status">
          {status}
        </p>
      )}
      <ImportWarnings warnings={warnings} />
    </section>
  );
}

function ProjectExchange({ onImportProject }: { onImportProject: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const jobs = useBackgroundJobs();
  const [notExported, setNotExported] = useState<string[] | null>(null);
  const [fileName, setFileName] = useState('');
  const { pending, error, run } = useAction();
  return (
    <section className="card exchange-card" aria-labelledby="refi-heading">
      <h2 id="refi-heading">{t('exchange.refi.heading')}</h2>
      <p>{t('exchange.refi.explanation')}</p>
      <div className="exchange-buttons">
        <button
          type="button"
          disabled={pending}
          onClick={() =>
            void run(async () => {
              await flushPendingEdits();
              const result = await jobs.runExport(
                t('jobs.labels.refiProject'),
                (jobId) => api['refi.exportProject']({ jobId }),
                (answer) => [answer.file],
              );
              if (!result) return;
              setFileName(result.file.fileName);
              setNotExported(result.notExported);
            })
          }
        >
          {t('exchange.refi.export')}
        </button>
        <button type="button" onClick={onImportProject}>
          {t('exchange.refi.import')}
        </button>
      </div>
      <ErrorMessage error={error} />
      {notExported && (
        <div role="status">
          <p className="success">{t('exchange.exported', { files: fileName })}</p>
          {notExported.length > 0 && (
            <p>
              {t('exchange.refi.notExported', {
                list: notExported.map((item) => t(`exchange.notCarried.${item}`)).join(', '),
              })}
            </p>
          )}
        </div>
      )}
    </section>
  );
}

/** Everything that leaves or enters the project as a file for another tool. */
export function ExchangeView({ onImportProject }: { onImportProject: () => void }) {
  return (
    <div className="exchange-view">
      <NamesStillWritten />
      <DatasetExport />
      <CodebookExchange />
      <ProjectExchange onImportProject={onImportProject} />
      <MergeCopy />
    </div>
  );
}
