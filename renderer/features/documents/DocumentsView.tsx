import { useSingleFlight } from '../../components/useSingleFlight';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '../../../shared/documents';
import { useApi } from '../../api/context';
import { CodebookPanel } from '../codebook/CodebookPanel';
import type { EditorTools } from '../editor/TranscriptEditor';
import { TranscriptEditor } from '../editor/TranscriptEditor';
import { GuidePane } from '../guides/GuidePane';
import { OriginalPanel } from '../originals/OriginalPanel';
import { RecordingPanel } from '../recordings/RecordingPanel';
import { useProjectData } from '../project/ProjectData';
import { DocumentProperties } from './DocumentProperties';
import type { ImportSource } from './ImportDialog';
import { readBytes } from '../../components/files';
import { ImportDialog } from './ImportDialog';
import { PasteDialog } from './PasteDialog';
import type { SideTab } from './SidePanels';
import { SidePanels } from './SidePanels';
import { PaneSplitter } from '../../components/PaneSplitter';
import { useLayoutFlag, usePaneSize, useWindowWidth } from '../../components/usePaneSize';

export interface DocumentTarget {
  documentId: string;
  focus: { start: number; end: number } | null;
}

/** Documents: the list, the open transcript in its editor, and the codebook beside it. */
export function DocumentsView({
  target,
  onOpen,
}: {
  target: DocumentTarget | null;
  onOpen: (target: DocumentTarget | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { documents, showError, readOnly } = useProjectData();
  const [detail, setDetail] = useState<DocumentDetail | null>(null);
  const [reloads, setReloads] = useState(0);
  const [sources, setSources] = useState<ImportSource[] | null>(null);
  const [pasting, setPasting] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const tools = useRef<EditorTools | null>(null);
  // A double-click made two field-notes documents, or asked twice to delete one.
  const once = useSingleFlight();

  const openId = target?.documentId ?? null;
  useEffect(() => {
    if (!openId) {
      setDetail(null);
      return;
    }
    let cancelled = false;
    api['documents.get']({ id: openId })
      .then((loaded) => {
        if (!cancelled) setDetail(loaded);
      })
      .catch((error: unknown) => {
        showError(error);
        onOpen(null);
      });
    return () => {
      cancelled = true;
    };
  }, [api, openId, reloads, showError, onOpen]);

  const reload = useCallback(() => setReloads((value) => value + 1), []);
  const registerApplyCode = useCallback((registered: EditorTools | null) => {
    tools.current = registered;
  }, []);

  const summary = documents.find((document) => document.id === openId) ?? null;
  // Whether the list has held the open document: a document just made reaches the list a
  // frame after its answer, and is not gone meanwhile.
  const listed = useRef<string | null>(null);
  if (summary) listed.current = summary.id;
  // The open document went away (deleted elsewhere, its import undone): close it quietly.
  const gone = openId !== null && detail !== null && summary === null && listed.current === openId;
  useEffect(() => {
    if (gone) onOpen(null);
  }, [gone, onOpen]);

  const narrow = window.innerWidth <= 1100;
  const [listWidth, setListWidth] = usePaneSize('documentList', narrow ? 150 : 200, 130, 420);
  const [sideWidth, setSideWidth] = usePaneSize('documentSide', narrow ? 220 : 300, 200, 560);
  // On a small laptop the transcript needs the room: the list folds to a button until asked for.
  const [listHidden, setListHidden] = useLayoutFlag('documentListHidden', window.innerWidth < 1200);
  // Widths remembered on a larger screen never squeeze the transcript below a readable width.
  const windowWidth = useWindowWidth();
  // The tab beside the transcript stays as the researcher left it, across documents and sessions.
  const [sideTab, setSideTabState] = useState<SideTab>(() => {
    const kept = localStorage.getItem('axial.layout.sideTab');
    return kept === 'guide' || kept === 'original' ? kept : 'recording';
  });
  const setSideTab = (tab: SideTab) => {
    localStorage.setItem('axial.layout.sideTab', tab);
    setSideTabState(tab);
  };
  const showList = !listHidden || !summary;
  // Room left for the panes once the navigation and a 480 px transcript have theirs.
  const room = Math.max(330, windowWidth - 150 - 480 - 60);
  const shownSide = Math.min(sideWidth, Math.max(200, room - (showList ? 130 : 40)));
  const shownList = Math.min(listWidth, Math.max(130, room - shownSide));

  return (
    <div
      className="documents-view"
      style={{
        gridTemplateColumns: `${showList ? `${shownList}px` : 'auto'} 8px minmax(0, 1fr) 8px ${shownSide}px`,
      }}
    >
      {!showList ? (
        <button
          type="button"
          className="show-document-list"
          aria-expanded={false}
          onClick={() => setListHidden(false)}
        >
          {t('layout.showDocuments')}
        </button>
      ) : (
        <aside className="document-list" aria-label={t('workspace.sections.documents')}>
          {summary && (
            <button
              type="button"
              className="link hide-document-list"
              aria-expanded={true}
              onClick={() => setListHidden(true)}
            >
              {t('layout.hideDocuments')}
            </button>
          )}
          {!readOnly && (
            <div className="list-actions">
              <button type="button" className="primary" onClick={() => fileInput.current?.click()}>
                {t('import.importFiles')}
              </button>
              <button type="button" onClick={() => setPasting(true)}>
                {t('import.paste')}
              </button>
              <button
                type="button"
                onClick={() =>
                  void once('notes', () =>
                    api['documents.createEmpty']({
                      title: t('documents.fieldNotesTitle', {
                        // "2 décembre 2026" / "December 2, 2026": the interface's language, not the system's.
                        date: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(
                          new Date(),
                        ),
                      }),
                    })
                      .then((created) => onOpen({ documentId: created.id, focus: null }))
                      .catch(showError),
                  )
                }
              >
                {t('documents.newFieldNotes')}
              </button>
              <input
                ref={fileInput}
                type="file"
                multiple
                hidden
                aria-label={t('import.importFiles')}
                accept=".txt,.text,.docx,.pdf,.md,.markdown,.html,.htm,.srt,.vtt"
                onChange={(event) => {
                  const files = [...(event.target.files ?? [])];
                  event.target.value = '';
                  void Promise.all(
                    files.map(async (file) => ({
                      fileName: file.name,
                      data: await readBytes(file),
                    })),
                  )
                    .then(setSources)
                    .catch(showError);
                }}
              />
            </div>
          )}
          {documents.length === 0 ? (
            <p className="muted empty-state">{t('workspace.empty.documents')}</p>
          ) : (
            <ul className="documents">
              {documents.map((document) => (
                <li key={document.id}>
                  <button
                    type="button"
                    className="document-item"
                    aria-current={document.id === openId ? 'true' : undefined}
                    onClick={() => onOpen({ documentId: document.id, focus: null })}
                  >
                    <strong>{document.title}</strong>
                    <small>
                      {t(`documents.kinds.${document.kind}`)} ·{' '}
                      {t('documents.codingCount', { count: document.codingCount })}
                    </small>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </aside>
      )}
      {showList ? (
        <PaneSplitter
          label={t('layout.resizeDocuments')}
          width={shownList}
          min={130}
          max={420}
          side="left"
          onChange={setListWidth}
        />
      ) : (
        <span />
      )}
      <section className="document-main">
        {summary && detail && detail.id === summary.id ? (
          <>
            <div className="document-header">
              <h2>{summary.title}</h2>
              {!readOnly && (
                <button
                  type="button"
                  className="link danger"
                  onClick={() =>
                    void once(`delete:${summary.id}`, async () => {
                      if (
                        !window.confirm(
                          t('documents.confirmDelete', {
                            title: summary.title,
                            count: summary.codingCount,
                          }),
                        )
                      )
                        return;
                      await api['documents.delete']({ id: summary.id })
                        .then(() => onOpen(null))
                        .catch(showError);
                    })
                  }
                >
                  {t('documents.delete')}
                </button>
              )}
            </div>
            <DocumentProperties document={summary} />
            <TranscriptEditor
              key={`${detail.id}:${detail.version}:${reloads}`}
              detail={detail}
              focus={target?.focus ?? null}
              onOutOfDate={reload}
              registerApplyCode={registerApplyCode}
            />
          </>
        ) : (
          <p className="muted empty-state">{documents.length > 0 ? t('documents.choose') : ''}</p>
        )}
      </section>
      <PaneSplitter
        label={t('layout.resizeSide')}
        width={shownSide}
        min={200}
        max={560}
        side="right"
        onChange={setSideWidth}
      />
      <SidePanels
        tab={sideTab}
        onTab={setSideTab}
        recording={summary && detail ? <RecordingPanel document={summary} tools={tools} /> : null}
        guide={summary && detail ? <GuidePane document={summary} tools={tools} /> : null}
        original={
          detail?.original ? (
            <OriginalPanel key={detail.id} document={detail} tools={tools} />
          ) : null
        }
        codebook={
          <CodebookPanel
            canApply={Boolean(detail)}
            onApply={(codeId) => tools.current?.applyCode(codeId)}
          />
        }
      />
      {sources && (
        <ImportDialog
          sources={sources}
          onClose={() => setSources(null)}
          onImported={(documentId) => {
            onOpen({ documentId, focus: null });
          }}
        />
      )}
      {pasting && (
        <PasteDialog
          onClose={() => setPasting(false)}
          onReady={(source) => {
            setPasting(false);
            setSources([source]);
          }}
        />
      )}
    </div>
  );
}
