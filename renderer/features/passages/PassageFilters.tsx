import { useTranslation } from 'react-i18next';
import type { AttributeDefinition, CaseRecord, ParticipantRecord } from '../../../shared/cases';
import type { CodeNode, DocumentSummary, PassageQuery } from '../../../shared/documents';
import { codePath } from '../codebook/codeTree';
import type { DraftCondition } from './ConditionsEditor';
import { ConditionsEditor } from './ConditionsEditor';

export interface FilterChoices {
  codes: CodeNode[];
  documents: DocumentSummary[];
  speakers: string[];
  coders: string[];
  cases: CaseRecord[];
  participants: ParticipantRecord[];
  attributes: AttributeDefinition[];
}

const single = (values: string[] | undefined) => values?.[0] ?? '';
const toList = (value: string) => (value ? [value] : undefined);

/** Every filter of the Passages view, shown when the researcher opens the filter bar. */
export function PassageFilters({
  query,
  onQuery,
  conditions,
  onConditions,
  choices,
}: {
  query: PassageQuery;
  onQuery: (change: (current: PassageQuery) => PassageQuery) => void;
  conditions: DraftCondition[];
  onConditions: (conditions: DraftCondition[]) => void;
  choices: FilterChoices;
}) {
  const { t } = useTranslation();
  const { codes, documents, speakers, coders, cases, participants, attributes } = choices;
  return (
    <div id="passage-filter-panel" className="passage-filter-panel">
      <form
        className="passage-filters"
        aria-label={t('passages.filters')}
        onSubmit={(event) => event.preventDefault()}
      >
        <label className="field">
          <span>{t('passages.code')}</span>
          <select
            multiple
            size={4}
            value={query.codeIds ?? []}
            onChange={(event) => {
              const ids = [...event.target.selectedOptions].map((option) => option.value);
              onQuery((current) => ({ ...current, codeIds: ids.length ? ids : undefined }));
            }}
          >
            {codes.map((code) => (
              <option key={code.id} value={code.id}>
                {codePath(codes, code.id).join(' › ')}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="match">
          <legend>{t('passages.match')}</legend>
          {(['any', 'all'] as const).map((mode) => (
            <label key={mode} className="checkbox">
              <input
                type="radio"
                name="code-match"
                checked={(query.codeMatch ?? 'any') === mode}
                onChange={() => onQuery((current) => ({ ...current, codeMatch: mode }))}
              />
              <span>{t(`passages.${mode}`)}</span>
            </label>
          ))}
        </fieldset>
        <SingleFilter
          label={t('passages.document')}
          allLabel={t('passages.allDocuments')}
          options={documents.map((document) => ({ value: document.id, label: document.title }))}
          value={single(query.documentIds)}
          onChange={(value) => onQuery((current) => ({ ...current, documentIds: toList(value) }))}
        />
        <SingleFilter
          label={t('passages.speaker')}
          allLabel={t('passages.allSpeakers')}
          options={speakers.map((speaker) => ({ value: speaker, label: speaker }))}
          value={single(query.speakers)}
          onChange={(value) => onQuery((current) => ({ ...current, speakers: toList(value) }))}
        />
        <SingleFilter
          label={t('passages.coder')}
          allLabel={t('passages.allCoders')}
          options={coders.map((coder) => ({ value: coder, label: coder }))}
          value={single(query.coders)}
          onChange={(value) => onQuery((current) => ({ ...current, coders: toList(value) }))}
        />
        <SingleFilter
          label={t('passages.case')}
          allLabel={t('passages.allCases')}
          options={cases.map((row) => ({ value: row.id, label: row.name }))}
          value={single(query.caseIds)}
          onChange={(value) => onQuery((current) => ({ ...current, caseIds: toList(value) }))}
        />
        <SingleFilter
          label={t('passages.participant')}
          allLabel={t('passages.allParticipants')}
          options={participants.map((row) => ({ value: row.id, label: row.name }))}
          value={single(query.participantIds)}
          onChange={(value) =>
            onQuery((current) => ({ ...current, participantIds: toList(value) }))
          }
        />
        <label className="field">
          <span>{t('passages.text')}</span>
          <input
            type="search"
            value={query.text ?? ''}
            onChange={(event) =>
              onQuery((current) => ({ ...current, text: event.target.value || undefined }))
            }
          />
        </label>
      </form>
      <ConditionsEditor attributes={attributes} conditions={conditions} onChange={onConditions} />
    </div>
  );
}

/** One filter of the Passages view: everything, or one value. */
function SingleFilter({
  label,
  allLabel,
  options,
  value,
  onChange,
}: {
  label: string;
  allLabel: string;
  options: { value: string; label: string }[];
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
