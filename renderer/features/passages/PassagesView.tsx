import { formatAttributeValue } from '../../../shared/formatAttributeValue';
import { useEffect, useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PassageOverview, Passage, PassageQuery } from '../../../shared/documents';
import { useApi } from '../../api/context';
import { useCoderView } from '../coders/CoderView';
import { buildCodeTree, codePath } from '../codebook/codeTree';
import type { DocumentTarget } from '../documents/DocumentsView';
import { useLayoutFlag } from '../../components/usePaneSize';
import { useProjectData } from '../project/ProjectData';
import type { AnswerPassage, GuideDetail, GuideSummary } from '../../../shared/guides';
import type { PassageGroup } from './groupPassages';
import { groupPassages } from './groupPassages';
import type { DraftCondition } from './ConditionsEditor';
import { completeConditions } from './ConditionsEditor';
import { FilterBar } from './FilterBar';
import type { FilterChoices } from './PassageFilters';
import { PassageFilters } from './PassageFilters';
import { QuoteToggle } from '../quotations/QuoteToggle';
import { useQuotations } from '../quotations/useQuotations';
import type { GroupBy } from './outerGroups';
import { outerGroups } from './outerGroups';

/** Passages loaded at once when grouped by axis; a group's others come on request. */
const FIRST_PAGE = 300;

function reference(passage: Passage, t: TFunction): string {
  const page = passage.page === null ? '' : `, ${t('passages.page', { page: passage.page })}`;
  return `${passage.documentTitle}${passage.speaker ? `, ${passage.speaker}` : ''}${page} [${passage.coding.start}–${passage.coding.end}]`;
}

/** Every coded passage, grouped by axis → variable → code, with filters and copy. */
export function PassagesView({ onOpen }: { onOpen: (target: DocumentTarget) => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { codes, documents, cases, participants, attributes, history, showError } =
    useProjectData();
  const [query, setQuery] = useState<PassageQuery>({ codeMatch: 'any' });
  const [groupBy, setGroupBy] = useState<GroupBy>('axis');
  const [conditions, setConditions] = useState<DraftCondition[]>([]);
  const [guides, setGuides] = useState<GuideSummary[]>([]);
  const [guideId, setGuideId] = useState('');
  const [guide, setGuide] = useState<GuideDetail | null>(null);
  const [answers, setAnswers] = useState<AnswerPassage[]>([]);

  useEffect(() => {
    api['guides.list']({})
      .then((list) => {
        setGuides(list);
        setGuideId((current) => current || list[0]?.id || '');
      })
      .catch(showError);
  }, [api, showError]);
  useEffect(() => {
    if (groupBy !== 'question' || !guideId) return;
    Promise.all([api['guides.get']({ id: guideId }), api['answers.byQuestion']({ guideId })])
      .then(([loaded, loadedAnswers]) => {
        setGuide(loaded);
        setAnswers(loadedAnswers);
      })
      .catch(showError);
  }, [api, groupBy, guideId, showError, documents, history.writes]);
  const complete = useMemo(
    () => completeConditions(conditions, attributes),
    [conditions, attributes],
  );
  const conditionKey = JSON.stringify(complete);
  const [passages, setPassages] = useState<Passage[]>([]);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [copied, setCopied] = useState(0);
  const [linked, setLinked] = useState<Set<string>>(new Set());
  /** The axis a code belongs to: where a passage's evidence goes. */
  const quotations = useQuotations();
  const axisOf = (codeId: string): string | null => {
    let current = codes.find((code) => code.id === codeId);
    while (current?.parentId) current = codes.find((code) => code.id === current!.parentId);
    return current?.id ?? null;
  };

  // Grouped by axis alone, the view asks for the counts and the first page of passages; a
  // group's other passages come when the researcher asks. Other groupings need every passage.
  const [counts, setCounts] = useState<Map<string, PassageOverview['codes'][number]> | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  // A view by coder (blind coding) shows that coder's passages only, whatever the filters say.
  const { shown } = useCoderView();
  const fullQuery = {
    ...query,
    ...(complete.length ? { conditions: complete } : {}),
    ...(shown ? { coders: [shown] } : {}),
  };
  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      const paged = groupBy === 'axis';
      Promise.all([
        api['passages.list'](paged ? { ...fullQuery, limit: FIRST_PAGE } : fullQuery),
        paged ? api['passages.overview'](fullQuery) : Promise.resolve(null),
      ])
        .then(([list, overview]) => {
          if (cancelled) return;
          setPassages(list);
          const partial = overview !== null && overview.total > list.length;
          setCounts(partial ? new Map(overview.codes.map((entry) => [entry.codeId, entry])) : null);
          setTotal(partial ? overview.total : null);
        })
        .catch(showError);
    }, 150);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // conditionKey stands for the conditions' content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, query, showError, codes, conditionKey, groupBy, history.writes, shown]);

  /** Every passage of one code, replacing the first page's share of them. */
  const showAll = (codeId: string) =>
    void api['passages.list']({ ...fullQuery, codeIds: [codeId], exactCodes: true })
      .then((list) =>
        setPassages((current) => {
          const others = current.filter((passage) => passage.coding.codeId !== codeId);
          return [...others, ...list];
        }),
      )
      .catch(showError);

  const tree = useMemo(() => buildCodeTree(codes), [codes]);
  const sections = useMemo(
    () =>
      outerGroups(passages, groupBy, {
        format: (value, attribute) => formatAttributeValue(value, attribute.type, i18n.language, t),
        cases,
        participants,
        documents,
        attributes,
        guide,
        answers,
      }).map((outer) => ({
        ...outer,
        groups: groupPassages(tree, outer.passages, counts ?? undefined),
      })),
    [
      passages,
      groupBy,
      cases,
      participants,
      documents,
      attributes,
      tree,
      guide,
      answers,
      counts,
      t,
      i18n.language,
    ],
  );
  const speakers = useMemo(
    () => [...new Set(documents.flatMap((document) => document.speakers))].sort(),
    [documents],
  );
  const coders = useMemo(
    () => [...new Set(passages.map((passage) => passage.coding.coder))].sort(),
    [passages],
  );
  const codeName = (id: string) => codes.find((code) => code.id === id)?.name ?? '';
  const choices: FilterChoices = {
    codes,
    documents,
    speakers,
    coders,
    cases,
    participants,
    attributes,
  };
  // Folded by default on a laptop's screen, open where there is room; the choice is remembered.
  const [filtersOpen, setFiltersOpen] = useLayoutFlag('passageFilters', window.innerWidth >= 1600);

  const copy = async () => {
    const chosen = passages.filter((passage) => checked.has(passage.coding.id));
    const text = chosen
      .map(
        (passage) =>
          `« ${passage.text} »\n— ${reference(passage, t)} · ${codePath(codes, passage.coding.codeId).join(' › ')}`,
      )
      .join('\n\n');
    await navigator.clipboard.writeText(text);
    setCopied(chosen.length);
  };

  const renderGroup = (group: PassageGroup, outerKey: string) => {
    const collapseKey = `${outerKey}/${group.code.id}`;
    const isCollapsed = collapsed.has(collapseKey);
    const headingLevel = Math.min(group.depth + 3, 6);
    const Heading = `h${headingLevel}` as 'h3';
    return (
      <section
        key={group.code.id}
        className={`passage-group depth-${Math.min(group.depth, 3)}`}
        data-code-id={group.code.id}
      >
        <Heading className="group-heading">
          <button
            type="button"
            aria-expanded={!isCollapsed}
            onClick={() =>
              setCollapsed((current) => {
                const next = new Set(current);
                if (next.has(collapseKey)) next.delete(collapseKey);
                else next.add(collapseKey);
                return next;
              })
            }
          >
            <span className="swatch" style={{ background: group.code.colour }} />
            <span className="group-name">{group.code.name}</span>
            <span className="group-counts">
              {t('passages.counts', {
                passages: t('passages.passageCount', { count: group.passageCount }),
                documents: t('passages.documentCount', { count: group.documentCount }),
              })}
            </span>
          </button>
        </Heading>
        {!isCollapsed && (
          <>
            {group.ownCount > group.passages.length && (
              <button
                type="button"
                className="link show-all"
                onClick={() => showAll(group.code.id)}
              >
                {t('passages.showAll', { total: group.ownCount, shown: group.passages.length })}
              </button>
            )}
            {group.passages.length > 0 && (
              <ol className="passages">
                {group.passages.map((passage) => (
                  <li
                    key={passage.coding.id}
                    className="passage"
                    data-coding-id={passage.coding.id}
                  >
                    <input
                      type="checkbox"
                      aria-label={t('passages.select')}
                      checked={checked.has(passage.coding.id)}
                      onChange={() =>
                        setChecked((current) => {
                          const next = new Set(current);
                          if (next.has(passage.coding.id)) next.delete(passage.coding.id);
                          else next.add(passage.coding.id);
                          return next;
                        })
                      }
                    />
                    <button
                      type="button"
                      className="passage-open"
                      onClick={() =>
                        onOpen({
                          documentId: passage.coding.documentId,
                          focus: { start: passage.coding.start, end: passage.coding.end },
                        })
                      }
                    >
                      <span className="passage-text">
                        <span className="context">
                          {/* "…" only where the context is cut: at a turn's edge there is nothing more. */}
                          {passage.before.length > 40 ? '…' : ''}
                          {passage.before.slice(-40)}
                        </span>
                        <mark style={{ ['--code-colour' as string]: group.code.colour }}>
                          {passage.text}
                        </mark>
                        <span className="context">
                          {passage.after.slice(0, 40)}
                          {passage.after.length > 40 ? '…' : ''}
                        </span>
                      </span>
                      <span className="passage-meta">
                        {passage.documentTitle}
                        {passage.speaker ? ` · ${passage.speaker}` : ''}
                        {passage.page !== null &&
                          ` · ${t('passages.page', { page: passage.page })}`}
                        {passage.otherCodeIds.length > 0 &&
                          ` · ${t('passages.alsoCoded')} ${passage.otherCodeIds.map(codeName).join(', ')}`}
                      </span>
                      {passage.coding.memo && (
                        <span className="passage-memo">{passage.coding.memo}</span>
                      )}
                    </button>
                    <QuoteToggle
                      codingId={passage.coding.id}
                      list={quotations.list}
                      onChange={quotations.change}
                    />
                    {passage.caseIds.length > 0 && axisOf(passage.coding.codeId) && (
                      <button
                        type="button"
                        className="link evidence-link"
                        onClick={() => {
                          const axisId = axisOf(passage.coding.codeId)!;
                          void Promise.all(
                            passage.caseIds.map((caseId) =>
                              api['ratings.linkEvidence']({
                                caseId,
                                codeId: axisId,
                                codingId: passage.coding.id,
                              }),
                            ),
                          )
                            .then(() =>
                              setLinked((current) => new Set(current).add(passage.coding.id)),
                            )
                            .catch(showError);
                        }}
                      >
                        {linked.has(passage.coding.id)
                          ? t('passages.evidenceLinked')
                          : t('passages.useAsEvidence')}
                      </button>
                    )}
                  </li>
                ))}
              </ol>
            )}
            {group.children.map((child) => renderGroup(child, outerKey))}
          </>
        )}
      </section>
    );
  };

  return (
    <div className="passages-view">
      <FilterBar
        open={filtersOpen}
        onOpen={setFiltersOpen}
        query={query}
        onQuery={setQuery}
        conditions={conditions}
        onConditions={setConditions}
        choices={choices}
      >
        <label className="field group-by">
          <span>{t('passages.groupBy')}</span>
          <select value={groupBy} onChange={(event) => setGroupBy(event.target.value as GroupBy)}>
            <option value="axis">{t('passages.groupAxis')}</option>
            <option value="case">{t('passages.groupCase')}</option>
            <option value="participant">{t('passages.groupParticipant')}</option>
            {guides.length > 0 && <option value="question">{t('passages.groupQuestion')}</option>}
            {attributes.map((attribute) => (
              <option key={attribute.id} value={`attribute:${attribute.id}`}>
                {t('passages.groupAttribute', {
                  kind: t(`cases.kindPrefix.${attribute.entityKind}`),
                  name: attribute.name,
                })}
              </option>
            ))}
          </select>
        </label>
        {groupBy === 'question' && guides.length > 1 && (
          <label className="field">
            <span>{t('passages.guide')}</span>
            <select value={guideId} onChange={(event) => setGuideId(event.target.value)}>
              {guides.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.title} v{item.versionLabel}
                </option>
              ))}
            </select>
          </label>
        )}
      </FilterBar>
      {filtersOpen && (
        <PassageFilters
          query={query}
          onQuery={setQuery}
          conditions={conditions}
          onConditions={setConditions}
          choices={choices}
        />
      )}
      <div className="passages-actions">
        <span role="status">{t('passages.total', { count: total ?? passages.length })}</span>
        <button
          type="button"
          disabled={checked.size === 0}
          onClick={() => void copy().catch(showError)}
        >
          {t('passages.copy', { count: checked.size })}
        </button>
        {copied > 0 && <span className="success">{t('passages.copied', { count: copied })}</span>}
      </div>
      {passages.length === 0 ? (
        <p className="muted empty-state">{t('passages.none')}</p>
      ) : (
        sections.map((section) => (
          <section
            key={section.key}
            className="outer-group"
            data-group={section.label ?? ''}
            aria-label={section.label ?? t('passages.ungrouped')}
          >
            {groupBy !== 'axis' && (
              <h3 className="outer-heading">
                {section.label ??
                  t(
                    `passages.none_${groupBy === 'case' ? 'case' : groupBy === 'participant' ? 'participant' : groupBy === 'question' ? 'question' : 'value'}`,
                  )}
                <span className="group-counts">
                  {' '}
                  · {t('passages.total', { count: section.passages.length })}
                </span>
              </h3>
            )}
            <div className="passage-groups">
              {section.groups.map((group) => renderGroup(group, section.key))}
            </div>
          </section>
        ))
      )}
    </div>
  );
}
