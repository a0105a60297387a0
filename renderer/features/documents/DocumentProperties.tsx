import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentKind, DocumentSummary } from '../../../shared/documents';
import { useApi } from '../../api/context';
import { DateField } from '../../components/DateField';
import { useProjectData } from '../project/ProjectData';
import { DocumentLinksEditor } from './DocumentLinksEditor';

type Field = 'title' | 'place' | 'description' | 'memo';
const fields: readonly Field[] = ['title', 'place', 'description', 'memo'];

/** A document's title, kind, date, place, description and memo; each saved when the field is left. */
export function DocumentProperties({ document }: { document: DocumentSummary }) {
  const { t } = useTranslation();
  const api = useApi();
  const { showError } = useProjectData();
  const [values, setValues] = useState(() => snapshot(document));
  // The document comes again after every save of its text: only a field whose stored value
  // changed (or another document) replaces what is shown, so a draft being typed stays.
  const shown = useRef({ id: document.id, stored: snapshot(document) });
  useEffect(() => {
    const stored = snapshot(document);
    const previous = shown.current;
    shown.current = { id: document.id, stored };
    if (previous.id !== document.id) {
      setValues(stored);
      return;
    }
    const changed = fields.filter((field) => stored[field] !== previous.stored[field]);
    if (changed.length)
      setValues((current) => {
        const next = { ...current };
        for (const field of changed) next[field] = stored[field];
        return next;
      });
  }, [document]);

  const save = async (patch: {
    title?: string;
    kind?: DocumentKind;
    date?: string | null;
    place?: string | null;
    description?: string;
    memo?: string;
  }) => {
    try {
      await api['documents.update']({ id: document.id, ...patch });
    } catch (error) {
      showError(error);
      setValues(snapshot(document));
    }
  };
  const commit = (field: Field) => {
    const value = values[field].trim();
    const stored = snapshot(document)[field];
    if (value === stored.trim()) return;
    if (field === 'title' && !value) {
      setValues(snapshot(document));
      return;
    }
    if (field === 'place') void save({ place: value || null });
    else void save({ [field]: field === 'title' ? value : values[field] });
  };
  const input = (field: Field, label: string) => (
    <label className="field">
      <span>{label}</span>
      <input
        name={`document-${field}`}
        type="text"
        value={values[field]}
        onChange={(event) => setValues((current) => ({ ...current, [field]: event.target.value }))}
        onBlur={() => commit(field)}
      />
    </label>
  );
  return (
    <details className="document-properties">
      <summary>{t('documents.properties')}</summary>
      <div className="properties-grid">
        {input('title', t('documents.title'))}
        <label className="field">
          <span>{t('documents.kind')}</span>
          <select
            value={document.kind}
            onChange={(event) => void save({ kind: event.target.value as DocumentKind })}
          >
            <option value="transcript">{t('documents.kinds.transcript')}</option>
            <option value="secondary">{t('documents.kinds.secondary')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('documents.date')}</span>
          <DateField
            name="document-date"
            label={t('documents.date')}
            value={document.date}
            onSave={(date) => void save({ date })}
          />
        </label>
        {input('place', t('documents.place'))}
      </div>
      {(['description', 'memo'] as const).map((field) => (
        <label className="field" key={field}>
          <span>{t(`documents.${field}`)}</span>
          <textarea
            name={`document-${field}`}
            rows={2}
            value={values[field]}
            onChange={(event) =>
              setValues((current) => ({ ...current, [field]: event.target.value }))
            }
            onBlur={() => commit(field)}
          />
        </label>
      ))}
      <DocumentLinksEditor document={document} />
    </details>
  );
}

function snapshot(document: DocumentSummary): Record<Field, string> {
  return {
    title: document.title,
    place: document.place ?? '',
    description: document.description,
    memo: document.memo,
  };
}
