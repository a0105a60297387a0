import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../shared/search';
import { useApi } from '../../api/context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useAction } from '../../components/useAction';
import { codePath } from '../codebook/codeTree';
import type { DocumentTarget } from '../documents/DocumentsView';
import { useProjectData } from '../project/ProjectData';

/** Search every document (accents and case ignored), read the hits by document, open or code one. */
export function SearchView({ onOpen }: { onOpen: (target: DocumentTarget) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { codes, showError } = useProjectData();
  // The search's own error, in place of its results: never old hits under a new error.
  const { error, run } = useAction();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [codeId, setCodeId] = useState('');
  const [coded, setCoded] = useState<Set<string>>(new Set());
  const codable = codes.filter((code) => code.codable);
  const byDocument = new Map<string, SearchHit[]>();
  for (const hit of hits ?? [])
    byDocument.set(hit.documentId, [...(byDocument.get(hit.documentId) ?? []), hit]);
  const key = (hit: SearchHit) => `${hit.documentId}:${hit.start}`;

  return (
    <div className="search-view">
      <form
        className="search-form"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          void run(async () => {
            setHits(null);
            setHits(await api['search.text']({ query }));
          });
        }}
      >
        <input
          type="search"
          aria-label={t('search.query')}
          placeholder={t('search.query')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <button type="submit" className="primary">
          {t('search.search')}
        </button>
        <select
          aria-label={t('search.codeWith')}
          value={codeId}
          onChange={(event) => setCodeId(event.target.value)}
        >
          <option value="">{t('search.codeWith')}</option>
          {codable.map((code) => (
            <option key={code.id} value={code.id}>
              {codePath(codes, code.id).join(' › ')}
            </option>
          ))}
        </select>
      </form>
      <p className="muted small">{t('search.help')}</p>
      <ErrorMessage error={error} />
      {hits && <p role="status">{t('search.total', { count: hits.length })}</p>}
      {[...byDocument].map(([documentId, documentHits]) => (
        <section
          key={documentId}
          className="search-document"
          aria-label={documentHits[0]!.documentTitle}
        >
          <h3>
            {documentHits[0]!.documentTitle}{' '}
            <span className="group-counts">
              · {t('search.total', { count: documentHits.length })}
            </span>
          </h3>
          <ul>
            {documentHits.map((hit) => (
              <li key={key(hit)} className="search-hit">
                <button
                  type="button"
                  className="passage-open"
                  onClick={() => onOpen({ documentId, focus: { start: hit.start, end: hit.end } })}
                >
                  <span className="passage-text">
                    {hit.segments.map((segment, index) =>
                      segment.match ? (
                        <mark key={index}>{segment.text}</mark>
                      ) : (
                        <span key={index}>{segment.text}</span>
                      ),
                    )}
                  </span>
                </button>
                <button
                  type="button"
                  disabled={!codeId || coded.has(key(hit))}
                  aria-label={t('search.codeHit')}
                  onClick={() =>
                    void api['codings.create']({
                      documentId,
                      start: hit.start,
                      end: hit.end,
                      version: hit.version,
                      codeIds: [codeId],
                    })
                      .then(async () => {
                        setCoded((current) => new Set(current).add(key(hit)));
                      })
                      .catch(showError)
                  }
                >
                  {coded.has(key(hit)) ? t('search.coded') : t('search.code')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
