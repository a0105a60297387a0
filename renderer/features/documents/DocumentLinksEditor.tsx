import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../shared/documents';
import { useApi } from '../../api/context';
import { ValueEditor } from '../cases/ValueEditor';
import { useProjectData } from '../project/ProjectData';

/** Who speaks in a document (its participants), which cases it is about, and its attribute values. */
export function DocumentLinksEditor({ document }: { document: DocumentSummary }) {
  const { t } = useTranslation();
  const api = useApi();
  const { participants, cases, attributes, showError } = useProjectData();
  const [links, setLinks] = useState<{ participantIds: string[]; caseIds: string[] } | null>(null);

  useEffect(() => {
    let cancelled = false;
    api['documents.links']({ documentId: document.id })
      .then((loaded) => {
        if (!cancelled) setLinks(loaded);
      })
      .catch(showError);
    return () => {
      cancelled = true;
    };
  }, [api, document.id, showError]);

  const save = async (next: { participantIds?: string[]; caseIds?: string[] }) => {
    // Shown at once; the project's answer then confirms (or, on failure, restores) it.
    setLinks((current) => (current ? { ...current, ...next } : current));
    try {
      setLinks(await api['documents.setLinks']({ documentId: document.id, ...next }));
    } catch (error) {
      showError(error);
      setLinks(await api['documents.links']({ documentId: document.id }).catch(() => null));
    }
  };
  const toggle = (list: string[], id: string) =>
    list.includes(id) ? list.filter((item) => item !== id) : [...list, id];
  const caseName = (id: string | null) => cases.find((row) => row.id === id)?.name;

  return (
    <div className="document-links">
      <fieldset>
        <legend>{t('documents.participants')}</legend>
        {participants.length === 0 && (
          <p className="muted small">{t('documents.noParticipants')}</p>
        )}
        {participants.map((participant) => (
          <label key={participant.id} className="checkbox">
            <input
              type="checkbox"
              checked={links?.participantIds.includes(participant.id) ?? false}
              disabled={!links}
              onChange={() =>
                links && void save({ participantIds: toggle(links.participantIds, participant.id) })
              }
            />
            <span>
              {participant.name}
              {participant.caseId ? (
                <small className="muted"> · {caseName(participant.caseId)}</small>
              ) : null}
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('documents.cases')}</legend>
        {cases.map((row) => (
          <label key={row.id} className="checkbox">
            <input
              type="checkbox"
              checked={links?.caseIds.includes(row.id) ?? false}
              disabled={!links}
              onChange={() => links && void save({ caseIds: toggle(links.caseIds, row.id) })}
            />
            <span>{row.name}</span>
          </label>
        ))}
      </fieldset>
      {attributes
        .filter((attribute) => attribute.entityKind === 'document')
        .map((attribute) => (
          <label key={attribute.id} className="field">
            <span>{attribute.name}</span>
            <ValueEditor
              attribute={attribute}
              value={document.values[attribute.id]}
              label={attribute.name}
              onSave={(value) =>
                api['attributes.setValue']({
                  attributeId: attribute.id,
                  entityId: document.id,
                  value,
                })

                  .then(() => true)
                  .catch((error: unknown) => {
                    showError(error);
                    return false;
                  })
              }
            />
          </label>
        ))}
    </div>
  );
}
