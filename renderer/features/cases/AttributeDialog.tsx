import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AttributeDefinition,
  AttributeType,
  EntityKind,
  TypeChangePreview,
} from '../../../shared/cases';
import { attributeTypes } from '../../../shared/cases';
import { useApi } from '../../api/context';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useAction } from '../../components/useAction';

/**
 * A new attribute, or an existing one renamed or retyped. A change of type or of
 * the choices is previewed first: the values that would not convert are listed
 * and nothing changes until they are fixed.
 */
export function AttributeDialog({
  entityKind,
  attribute,
  onClose,
  onSaved,
}: {
  entityKind: EntityKind;
  attribute: AttributeDefinition | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [name, setName] = useState(attribute?.name ?? '');
  const [type, setType] = useState<AttributeType>(attribute?.type ?? 'text');
  const [unit, setUnit] = useState(attribute?.unit ?? '');
  const [choices, setChoices] = useState((attribute?.choices ?? []).join('\n'));
  const [preview, setPreview] = useState<TypeChangePreview | null>(null);
  const { pending, error, run } = useAction();
  const choiceList = choices
    .split('\n')
    .map((choice) => choice.trim())
    .filter(Boolean);
  const retyped =
    attribute !== null &&
    (type !== attribute.type ||
      (type === 'choice' && choiceList.join('\n') !== attribute.choices.join('\n')));

  return (
    <Dialog
      title={
        attribute ? t('cases.editAttribute', { name: attribute.name }) : t('cases.newAttribute')
      }
      onClose={onClose}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void run(async () => {
            if (attribute) {
              if (retyped && preview === null) {
                setPreview(
                  await api['attributes.previewTypeChange']({
                    id: attribute.id,
                    type,
                    choices: choiceList,
                  }),
                );
                return;
              }
              await api['attributes.update']({
                id: attribute.id,
                name,
                type,
                unit: unit || null,
                ...(type === 'choice' ? { choices: choiceList } : {}),
              });
            } else {
              await api['attributes.create']({
                entityKind,
                name,
                type,
                unit: unit || null,
                choices: choiceList,
              });
            }
            onSaved();
          });
        }}
      >
        <label className="field">
          <span>{t('cases.attributeName')}</span>
          <input
            name="attribute-name"
            value={name}
            required
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('cases.attributeType')}</span>
          <select
            name="attribute-type"
            value={type}
            onChange={(event) => {
              setType(event.target.value as AttributeType);
              setPreview(null);
            }}
          >
            {attributeTypes.map((option) => (
              <option key={option} value={option}>
                {t(`cases.types.${option}`)}
              </option>
            ))}
          </select>
        </label>
        {type === 'number' && (
          <label className="field">
            <span>{t('cases.unit')}</span>
            <input
              name="attribute-unit"
              value={unit}
              onChange={(event) => setUnit(event.target.value)}
            />
          </label>
        )}
        {type === 'choice' && (
          <label className="field">
            <span>{t('cases.choices')}</span>
            <textarea
              name="attribute-choices"
              rows={4}
              value={choices}
              onChange={(event) => {
                setChoices(event.target.value);
                setPreview(null);
              }}
            />
          </label>
        )}
        {preview && (
          <div className="type-preview" role="status">
            {preview.failures.length === 0 ? (
              <p>{t('cases.allConvert', { count: preview.convertible })}</p>
            ) : (
              <>
                <p className="error-message">
                  {t('cases.cannotConvert', { count: preview.failures.length })}
                </p>
                <ul>
                  {preview.failures.map((failure) => (
                    <li key={failure.entityId}>
                      {failure.entityName}: “{failure.value}”
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
        <ErrorMessage error={error} />
        <div className="dialog-buttons">
          {attribute && (
            <button
              type="button"
              className="link danger"
              disabled={pending}
              onClick={() => {
                if (!window.confirm(t('cases.confirmDeleteAttribute', { name: attribute.name })))
                  return;
                void run(async () => {
                  await api['attributes.delete']({ id: attribute.id });
                  onSaved();
                });
              }}
            >
              {t('cases.deleteAttribute')}
            </button>
          )}
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            className="primary"
            disabled={pending || (preview !== null && preview.failures.length > 0)}
          >
            {retyped && preview === null ? t('cases.checkValues') : t('cases.saveAttribute')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
