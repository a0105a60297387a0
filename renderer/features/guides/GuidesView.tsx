import { useSingleFlight } from '../../components/useSingleFlight';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Tabs } from '../../components/Tabs';
import type { GuideDetail, GuideSummary } from '../../../shared/guides';
import { useApi } from '../../api/context';
import { downloadBytes } from '../../components/download';
import type { DocumentTarget } from '../documents/DocumentsView';
import { useProjectData } from '../project/ProjectData';
import { AnswersByQuestion } from './AnswersByQuestion';
import { CoverageGrid } from './CoverageGrid';
import { GuideEditor } from './GuideEditor';
import { GuidePrintView } from './GuidePrintView';

const panes = ['editor', 'coverage', 'answers', 'print'] as const;
type Pane = (typeof panes)[number];

/** Interview guides: write them, version them, print them, and see how the interviews covered them. */
export function GuidesView({ onOpen }: { onOpen: (target: DocumentTarget) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { showError, history } = useProjectData();
  const [guides, setGuides] = useState<GuideSummary[]>([]);
  const [guide, setGuide] = useState<GuideDetail | null>(null);
  const [pane, setPane] = useState<Pane>('editor');
  const [title, setTitle] = useState('');

  const load = useCallback(
    async (selectId?: string | null) => {
      const list = await api['guides.list']({});
      setGuides(list);
      const id = selectId ?? list[0]?.id ?? null;
      setGuide(
        id && list.some((candidate) => candidate.id === id)
          ? await api['guides.get']({ id })
          : null,
      );
    },
    [api],
  );
  useEffect(() => {
    load(guide?.id).catch(showError);
    // Reload after undo and redo too: the history labels change with them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [load, showError, history.writes]);

  const run = async (action: () => Promise<void>) => {
    try {
      await action();
    } catch (error) {
      showError(error);
    }
  };
  // A double-click asked twice (to delete, for a version's label) and acted twice.
  const once = useSingleFlight();

  return (
    <div className="guides-view">
      <aside className="guide-list" aria-label={t('workspace.sections.guides')}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!title.trim()) return;
            void run(async () => {
              const created = await api['guides.create']({ title: title.trim() });
              setTitle('');
              await load(created.id);
            });
          }}
        >
          <input
            aria-label={t('guides.newTitle')}
            placeholder={t('guides.newTitle')}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
          />
          <button type="submit">{t('guides.create')}</button>
        </form>
        <ul>
          {guides.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                className="document-item"
                aria-current={guide?.id === item.id ? 'true' : undefined}
                onClick={() => void load(item.id).catch(showError)}
              >
                <strong>{item.title}</strong>
                <small>
                  {t('guides.version')} {item.versionLabel} ·{' '}
                  {t('guides.questionCount', { count: item.questionCount })}
                </small>
              </button>
            </li>
          ))}
        </ul>
      </aside>
      {guide ? (
        <section className="guide-main">
          <div className="guide-header">
            <h2>
              {guide.title} <small className="muted">v{guide.versionLabel}</small>
            </h2>
            <button
              type="button"
              onClick={() =>
                void once('duplicate', async () => {
                  const label = window.prompt(
                    t('guides.newVersionLabel'),
                    String(Number(guide.versionLabel) + 1 || `${guide.versionLabel}b`),
                  );
                  if (!label) return;
                  await run(async () => {
                    const copy = await api['guides.duplicate']({
                      id: guide.id,
                      versionLabel: label,
                      changeNote: '',
                    });
                    await load(copy.id);
                  });
                })
              }
            >
              {t('guides.duplicate')}
            </button>
            <button
              type="button"
              onClick={() =>
                void run(async () => {
                  const exported = await api['guides.exportDocx']({ id: guide.id });
                  downloadBytes(exported.fileName, exported.data, exported.mimeType);
                })
              }
            >
              {t('guides.exportDocx')}
            </button>
            <button
              type="button"
              className="link danger"
              onClick={() =>
                void once('delete', async () => {
                  if (!window.confirm(t('guides.confirmDelete', { title: guide.title }))) return;
                  await run(async () => {
                    await api['guides.delete']({ id: guide.id });
                    await load(null);
                  });
                })
              }
            >
              {t('guides.delete')}
            </button>
          </div>
          <Tabs
            names={panes}
            current={pane}
            labelKey={(name) => `guides.panes.${name}`}
            onChange={setPane}
          />
          {pane === 'editor' && (
            <GuideEditor
              guide={guide}
              onChange={(next) => {
                setGuide(next);
                // The list's counts follow: it said "0 questions" after nine were written.
                api['guides.list']({}).then(setGuides).catch(showError);
              }}
            />
          )}
          {pane === 'coverage' && <CoverageGrid guideId={guide.id} onOpen={onOpen} />}
          {pane === 'answers' && <AnswersByQuestion guide={guide} onOpen={onOpen} />}
          {pane === 'print' && <GuidePrintView guide={guide} />}
        </section>
      ) : (
        <p className="muted empty-state">{t('workspace.empty.guides')}</p>
      )}
    </div>
  );
}
