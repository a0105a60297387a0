import { useSingleFlight } from '../../components/useSingleFlight';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttributeDefinition, AttributeValue, EntityKind } from '../../../shared/cases';
import { useApi } from '../../api/context';
import { downloadBytes } from '../../components/download';
import { readBytes } from '../../components/files';
import { useProjectData } from '../project/ProjectData';
import { AttributeDialog } from './AttributeDialog';
import type { EntityRow } from './EntityTable';
import { EntityTable } from './EntityTable';
import { TableImportDialog } from './TableImportDialog';

const tabs: EntityKind[] = ['case', 'participant', 'document'];

/** Cases, participants and document attributes as tables, like the article's Tables 1 and 2. */
export function CasesView() {
  const { t } = useTranslation();
  const api = useApi();
  const { cases, participants, documents, attributes, showError } = useProjectData();
  const [tab, setTab] = useState<EntityKind>('case');
  const [newName, setNewName] = useState('');
  const [editing, setEditing] = useState<AttributeDefinition | 'new' | null>(null);
  const [importing, setImporting] = useState<{ fileName: string; data: Uint8Array } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  /** Whether the action was done: a refused value goes back to the stored one where it was typed. */
  const run = useCallback(
    async (action: () => Promise<unknown>): Promise<boolean> => {
      let done = true;
      try {
        await action();
      } catch (error) {
        showError(error);
        done = false;
      }
      return done;
    },
    [showError],
  );

  const kindAttributes = attributes.filter((attribute) => attribute.entityKind === tab);
  const rows: EntityRow[] =
    tab === 'case'
      ? cases.map((row) => ({
          id: row.id,
          name: row.name,
          values: row.values,
          counts: [
            { label: t('cases.participantCount'), value: row.participantCount },
            { label: t('cases.documentCount'), value: row.documentCount },
            { label: t('cases.passageCount'), value: row.passageCount },
          ],
        }))
      : tab === 'participant'
        ? participants.map((row) => ({
            id: row.id,
            name: row.name,
            caseId: row.caseId,
            values: row.values,
            counts: [
              { label: t('cases.documentCount'), value: row.documentCount },
              { label: t('cases.passageCount'), value: row.passageCount },
            ],
          }))
        : documents.map((row) => ({
            id: row.id,
            name: row.title,
            values: row.values,
            counts: [{ label: t('cases.passageCount'), value: row.codingCount }],
          }));
  const shownRows = rows;

  const setValue = useCallback(
    (row: EntityRow, attribute: AttributeDefinition, value: AttributeValue | null) =>
      run(() => api['attributes.setValue']({ attributeId: attribute.id, entityId: row.id, value })),
    [api, run],
  );
  const rename = useCallback(
    (row: EntityRow, name: string) =>
      run(() =>
        tab === 'case'
          ? api['cases.update']({ id: row.id, name })
          : api['participants.update']({ id: row.id, name }),
      ),
    [api, run, tab],
  );
  const setCase = useCallback(
    (row: EntityRow, caseId: string | null) =>
      void run(() => api['participants.update']({ id: row.id, caseId })),
    [api, run],
  );
  // A double-click asked twice to delete, then found the row gone.
  const once = useSingleFlight();
  const remove = useCallback(
    (row: EntityRow) =>
      void once(`delete:${row.id}`, () =>
        run(async () => {
          const impact =
            tab === 'case'
              ? await api['cases.deletionImpact']({ id: row.id })
              : await api['participants.deletionImpact']({ id: row.id });
          const message = t(
            tab === 'case' ? 'cases.confirmDeleteCase' : 'cases.confirmDeleteParticipant',
            {
              name: row.name,
              participants: impact.participants.join(', ') || '—',
              documents: impact.documents.join(', ') || '—',
            },
          );
          if (!window.confirm(message)) return;
          if (tab === 'case') await api['cases.delete']({ id: row.id });
          else await api['participants.delete']({ id: row.id });
        }),
      ),
    [api, once, run, t, tab],
  );
  const exportAs = (format: 'csv' | 'xlsx', csvStyle: 'excel-fr' | 'rfc4180') =>
    void run(async () => {
      const exported = await api['tables.export']({ entityKind: tab, format, csvStyle });
      downloadBytes(exported.fileName, exported.data, exported.mimeType);
    });

  return (
    <div className="cases-view">
      <div className="tabs" role="tablist" aria-label={t('workspace.sections.cases')}>
        {tabs.map((kind) => (
          <button
            key={kind}
            type="button"
            role="tab"
            aria-selected={tab === kind}
            onClick={() => setTab(kind)}
          >
            {t(`cases.tabs.${kind}`)}
          </button>
        ))}
      </div>
      <div className="table-actions">
        {tab !== 'document' && (
          <form
            className="add-entity"
            onSubmit={(event) => {
              event.preventDefault();
              const name = newName.trim();
              if (!name) return;
              void once('add', () =>
                run(async () => {
                  if (tab === 'case') await api['cases.create']({ name });
                  else await api['participants.create']({ name });
                  setNewName('');
                }),
              );
            }}
          >
            <input
              aria-label={t(`cases.newName.${tab}`)}
              placeholder={t(`cases.newName.${tab}`)}
              value={newName}
              onChange={(event) => setNewName(event.target.value)}
            />
            <button type="submit">{t('cases.add')}</button>
          </form>
        )}
        <button type="button" onClick={() => setEditing('new')}>
          {t('cases.newAttribute')}
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          {t('tables.import')}
        </button>
        <input
          ref={fileInput}
          type="file"
          hidden
          aria-label={t('tables.import')}
          accept=".csv,.xlsx,.txt"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file)
              void readBytes(file)
                .then((data) => setImporting({ fileName: file.name, data }))
                .catch(showError);
          }}
        />
        <button type="button" onClick={() => exportAs('csv', 'excel-fr')}>
          {t('tables.exportExcelFr')}
        </button>
        <button type="button" onClick={() => exportAs('csv', 'rfc4180')}>
          {t('tables.exportCsv')}
        </button>
        <button type="button" onClick={() => exportAs('xlsx', 'rfc4180')}>
          {t('tables.exportXlsx')}
        </button>
      </div>
      {shownRows.length === 0 ? (
        <p className="muted empty-state">{t(`cases.empty.${tab}`)}</p>
      ) : (
        <EntityTable
          key={tab}
          entityKind={tab}
          rows={shownRows}
          attributes={kindAttributes}
          cases={cases}
          onRename={tab === 'document' ? null : rename}
          onSetCase={tab === 'participant' ? setCase : null}
          onSetValue={setValue}
          onEditAttribute={(attribute) => setEditing(attribute)}
          onDelete={tab === 'document' ? null : remove}
        />
      )}
      {editing && (
        <AttributeDialog
          entityKind={tab}
          attribute={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
          }}
        />
      )}
      {importing && (
        <TableImportDialog
          entityKind={tab}
          file={importing}
          onClose={() => setImporting(null)}
          onImported={() => {
            setImporting(null);
          }}
        />
      )}
    </div>
  );
}
