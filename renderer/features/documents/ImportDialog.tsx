import { formatAttributeValue } from '../../../shared/formatAttributeValue';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentKind, ImportPreview } from '../../../shared/documents';
import type { ApiError } from '../../../shared/errors';
import { useApi } from '../../api/context';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage, toApiError } from '../../components/ErrorMessage';

export interface ImportSource {
  fileName: string;
  data: Uint8Array;
}

interface FileState {
  source: ImportSource;
  preview: ImportPreview | null;
  error: ApiError | null;
  title: string;
  kind: DocumentKind;
  status: 'ready' | 'imported' | 'failed';
}

/**
 * The import of one or more files: each is read and previewed (speakers and
 * timestamps found), the researcher confirms or renames the speakers, then the
 * files are imported one by one, each in full or not at all.
 */
/** The longest pause between a double-click's two clicks that systems use by default. */
const DOUBLE_CLICK_MS = 500;

export function ImportDialog({
  sources,
  onClose,
  onImported,
}: {
  sources: ImportSource[];
  onClose: () => void;
  onImported: (documentId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  // The second click of a double-click on the paste dialog's Continue lands here, on Cancel,
  // and dropped the pasted text: a Cancel that soon after opening is that click, not a choice.
  const openedAt = useRef(performance.now());
  const [files, setFiles] = useState<FileState[] | null>(null);
  const [progress, setProgress] = useState<{
    done: number;
    total: number;
    phase: 'reading' | 'importing';
  } | null>({
    done: 0,
    total: sources.length,
    phase: 'reading',
  });
  const [speakers, setSpeakers] = useState<Record<string, string | null>>({});
  // Speakers named like a participant: linked to them unless the researcher unticks it.
  const [unlinked, setUnlinked] = useState<Set<string>>(new Set());
  // The file being read or imported, stopped at once when the researcher stops or closes.
  const running = useRef<string | null>(null);
  const stopping = useRef(false);
  const stopRunning = useCallback(() => {
    stopping.current = true;
    if (running.current) void api['jobs.cancel']({ jobId: running.current }).catch(() => {});
  }, [api]);
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const states: FileState[] = [];
      for (const [index, source] of sources.entries()) {
        if (cancelled) return;
        try {
          running.current = crypto.randomUUID();
          const preview = await api['documents.previewImport']({
            ...source,
            jobId: running.current,
          });
          states.push({
            source,
            preview,
            error: null,
            title: preview.title,
            kind: preview.speakers.length > 0 ? 'transcript' : 'secondary',
            status: 'ready',
          });
        } catch (error) {
          states.push({
            source,
            preview: null,
            error: toApiError(error),
            title: source.fileName,
            kind: 'transcript',
            status: 'failed',
          });
        }
        if (!cancelled) setProgress({ done: index + 1, total: sources.length, phase: 'reading' });
      }
      running.current = null;
      if (cancelled) return;
      setFiles(states);
      setProgress(null);
    })();
    return () => {
      cancelled = true;
      stopRunning();
    };
  }, [api, sources, stopRunning]);

  const detected = new Map<string, number>();
  const matches = new Map<string, { participantId: string; name: string }>();
  for (const file of files ?? [])
    for (const match of file.preview?.participantMatches ?? []) matches.set(match.label, match);
  for (const file of files ?? []) {
    for (const speaker of file.preview?.speakers ?? [])
      detected.set(speaker.label, (detected.get(speaker.label) ?? 0) + speaker.turns);
  }

  const update = (index: number, patch: Partial<FileState>) =>
    setFiles(
      (current) =>
        current?.map((file, position) => (position === index ? { ...file, ...patch } : file)) ??
        null,
    );

  const importAll = async () => {
    if (!files) return;
    const ready = files.filter((file) => file.status === 'ready');
    let done = 0;
    let failures = 0;
    let lastId: string | null = null;
    setProgress({ done, total: ready.length, phase: 'importing' });
    stopping.current = false;
    for (const [index, file] of files.entries()) {
      if (file.status !== 'ready') continue;
      // Stopped: what was imported stays (each file is its own step to undo), the rest is not.
      if (stopping.current) {
        update(index, { status: 'failed', error: null });
        continue;
      }
      try {
        running.current = crypto.randomUUID();
        const imported = await api['documents.import']({
          ...file.source,
          jobId: running.current,
          kind: file.kind,
          title: file.title.trim() || undefined,
          speakers,
          participantIds: (file.preview?.participantMatches ?? [])
            .filter((match) => speakers[match.label] !== null && !unlinked.has(match.label))
            .map((match) => match.participantId),
        });
        lastId = imported.id;
        update(index, { status: 'imported' });
      } catch (error) {
        failures += 1;
        update(index, { status: 'failed', error: toApiError(error) });
      }
      done += 1;
      setProgress({ done, total: ready.length, phase: 'importing' });
    }
    running.current = null;
    setProgress(null);
    if (lastId) onImported(lastId);
    // Everything went in: nothing left to read in the dialog.
    if (done === files.length && files.every((file) => file.status === 'ready') && failures === 0)
      onClose();
  };

  const finished = files?.every((file) => file.status !== 'ready') ?? false;

  return (
    <Dialog title={t('import.heading')} onClose={onClose}>
      {progress && (
        <div className="import-progress" role="status">
          <progress max={progress.total} value={progress.done} />
          <span>
            {t(progress.phase === 'reading' ? 'import.reading' : 'import.importing', {
              done: progress.done,
              total: progress.total,
            })}
          </span>
        </div>
      )}
      {files && (
        <>
          <ul className="import-files">
            {files.map((file, index) => (
              <li
                key={file.source.fileName + index}
                className={`import-file ${file.status}`}
                data-file={file.source.fileName}
              >
                <div className="import-file-header">
                  <strong>{file.source.fileName}</strong>
                  <span className="import-status">{t(`import.status.${file.status}`)}</span>
                </div>
                <ErrorMessage error={file.error} />
                {file.preview?.duplicate && file.status === 'ready' && (
                  <p className="warning import-duplicate" role="note">
                    {t(`import.duplicate.${file.preview.duplicate.match}`, {
                      title: file.preview.duplicate.title,
                    })}
                  </p>
                )}
                {file.preview && file.status === 'ready' && (
                  <div className="import-fields">
                    <label className="field">
                      <span>{t('documents.title')}</span>
                      <input
                        value={file.title}
                        onChange={(event) => update(index, { title: event.target.value })}
                      />
                    </label>
                    <label className="field">
                      <span>{t('documents.kind')}</span>
                      <select
                        value={file.kind}
                        onChange={(event) =>
                          update(index, { kind: event.target.value as DocumentKind })
                        }
                      >
                        <option value="transcript">{t('documents.kinds.transcript')}</option>
                        <option value="secondary">{t('documents.kinds.secondary')}</option>
                      </select>
                    </label>
                    <p className="muted small">
                      {t('import.summary', {
                        paragraphs: file.preview.paragraphs,
                        characters: file.preview.characters,
                        timestamps: file.preview.timestamps,
                        format: file.preview.format,
                      })}
                    </p>
                    {file.preview.pages && (
                      <p className="small">
                        {t('import.pages', { count: file.preview.pages.count })}
                      </p>
                    )}
                    {file.preview.pages && file.preview.pages.withoutText.length > 0 && (
                      <p className="small warning" role="note">
                        {t('import.pagesWithoutText', {
                          count: file.preview.pages.withoutText.length,
                          pages: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(
                            file.preview.pages.withoutText.map((page) =>
                              new Intl.NumberFormat(i18n.language).format(page),
                            ),
                          ),
                        })}
                      </p>
                    )}
                    {file.preview.date && (
                      <p className="small import-date">
                        {t('import.dateFound', {
                          date: formatAttributeValue(file.preview.date, 'date', i18n.language, t),
                        })}
                      </p>
                    )}
                    <pre className="import-excerpt">{file.preview.excerpt}</pre>
                  </div>
                )}
              </li>
            ))}
          </ul>
          {detected.size > 0 && !finished && (
            <fieldset className="speakers">
              <legend>{t('import.speakers')}</legend>
              <p className="muted small">{t('import.speakersHelp')}</p>
              {[...detected].map(([label, turns]) => (
                <div key={label} className="speaker-row">
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={speakers[label] !== null}
                      aria-label={t('import.isSpeaker', { label })}
                      onChange={(event) =>
                        setSpeakers((current) => {
                          const { [label]: _removed, ...rest } = current;
                          return event.target.checked ? rest : { ...rest, [label]: null };
                        })
                      }
                    />
                    <span>
                      {label}{' '}
                      <small className="muted">({t('import.turns', { count: turns })})</small>
                    </span>
                  </label>
                  <input
                    aria-label={t('import.renameSpeaker', { label })}
                    disabled={speakers[label] === null}
                    placeholder={label}
                    value={speakers[label] ?? ''}
                    onChange={(event) =>
                      setSpeakers((current) => {
                        const { [label]: _removed, ...rest } = current;
                        return event.target.value ? { ...rest, [label]: event.target.value } : rest;
                      })
                    }
                  />
                  {matches.has(label) && speakers[label] !== null && (
                    <label className="checkbox">
                      <input
                        type="checkbox"
                        checked={!unlinked.has(label)}
                        onChange={(event) =>
                          setUnlinked((current) => {
                            const next = new Set(current);
                            if (event.target.checked) next.delete(label);
                            else next.add(label);
                            return next;
                          })
                        }
                      />
                      {t('import.linkParticipant', { name: matches.get(label)!.name })}
                    </label>
                  )}
                </div>
              ))}
            </fieldset>
          )}
        </>
      )}
      <div className="dialog-buttons">
        {progress?.phase === 'importing' ? (
          <button type="button" onClick={stopRunning}>
            {t('import.stop')}
          </button>
        ) : (
          <button
            type="button"
            onClick={() => {
              if (performance.now() - openedAt.current > DOUBLE_CLICK_MS) onClose();
            }}
          >
            {finished ? t('common.close') : t('common.cancel')}
          </button>
        )}
        {!finished && (
          <button
            type="button"
            className="primary"
            disabled={!files || progress !== null || !files.some((file) => file.status === 'ready')}
            onClick={() => void importAll()}
          >
            {t('import.import', {
              count: files?.filter((file) => file.status === 'ready').length ?? 0,
            })}
          </button>
        )}
      </div>
    </Dialog>
  );
}
