import type { RefObject } from 'react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '../../../shared/documents';
import { useApi } from '../../api/context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useAction } from '../../components/useAction';
import type { EditorTools } from '../editor/TranscriptEditor';
import type { LoadedPdf } from './pdfPages';
import { loadPdf } from './pdfPages';
import { PdfPage } from './PdfPage';

/**
 * The file a document was imported from (a PDF), as it was printed, beside
 * its text: read from the project (never from the network), each page drawn
 * when scrolled to. The page of the caret's text is a click away, and a page's
 * text from the page.
 */
export function OriginalPanel({
  document,
  tools,
}: {
  document: DocumentDetail;
  tools: RefObject<EditorTools | null>;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { error, run } = useAction();
  const [pdf, setPdf] = useState<LoadedPdf | null>(null);
  const [notFound, setNotFound] = useState(false);
  const pages = useRef<(HTMLElement | null)[]>([]);
  const original = document.original;

  useEffect(() => {
    if (!original) return;
    let loaded: LoadedPdf | null = null;
    let gone = false;
    void run(async () => {
      const file = await api['documents.original']({ id: document.id });
      loaded = await loadPdf(file.data);
      if (gone) void loaded.destroy();
      else setPdf(loaded);
    });
    return () => {
      gone = true;
      setPdf(null);
      void loaded?.destroy();
    };
  }, [api, run, document.id, original]);

  if (!original) return null;
  const showPage = (page: number) =>
    pages.current[page - 1]?.scrollIntoView({ block: 'start', behavior: 'auto' });
  return (
    <section className="original-panel" aria-label={t('original.heading')}>
      <div className="original-toolbar">
        <span className="muted small">{original.fileName}</span>
        <button
          type="button"
          onClick={() => {
            const page = tools.current?.currentPage() ?? null;
            setNotFound(page === null);
            if (page !== null) showPage(page);
          }}
        >
          {t('original.showCaretPage')}
        </button>
        {pdf && <span className="muted small">{t('original.pages', { count: pdf.numPages })}</span>}
      </div>
      {notFound && (
        <p className="muted small" role="status">
          {t('original.noCaretPage')}
        </p>
      )}
      <ErrorMessage error={error} />
      {!pdf && !error && <p className="muted small">{t('original.loading')}</p>}
      {pdf && (
        <ol className="original-pages">
          {Array.from({ length: pdf.numPages }, (_, index) => (
            <li
              key={index}
              ref={(element) => {
                pages.current[index] = element;
              }}
            >
              <PdfPage pdf={pdf} number={index + 1} />
              <button
                type="button"
                className="link small"
                onClick={() => {
                  setNotFound(!(tools.current?.showPage(index + 1) ?? false));
                }}
              >
                {t('original.showPageText', { page: index + 1 })}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
