import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewPseudonymEntry, PseudonymKind } from '../../../shared/pseudonyms';
import { pseudonymKinds } from '../../../shared/pseudonyms';

const variantsOf = (text: string) =>
  text
    .split('|')
    .map((variant) => variant.trim())
    .filter(Boolean);

/** One entry of the table, new or changed: real name, other spellings, pseudonym, kind. */
export function PseudonymForm({
  initial,
  pending,
  onSave,
  onCancel,
}: {
  initial?: NewPseudonymEntry;
  pending: boolean;
  onSave: (entry: NewPseudonymEntry) => Promise<boolean>;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [real, setReal] = useState(initial?.real ?? '');
  const [variants, setVariants] = useState(initial?.variants.join(' | ') ?? '');
  const [pseudonym, setPseudonym] = useState(initial?.pseudonym ?? '');
  const [kind, setKind] = useState<PseudonymKind>(initial?.kind ?? 'person');
  return (
    <form
      className="pseudonym-form"
      aria-label={initial ? t('confidentiality.edit') : t('confidentiality.add')}
      onSubmit={(event) => {
        event.preventDefault();
        void onSave({ kind, real, variants: variantsOf(variants), pseudonym }).then((saved) => {
          if (saved && !initial) {
            setReal('');
            setVariants('');
            setPseudonym('');
          }
        });
      }}
    >
      <label className="field">
        <span>{t('confidentiality.real')}</span>
        <input
          name="real"
          value={real}
          required
          onChange={(event) => setReal(event.target.value)}
        />
      </label>
      <label className="field">
        <span>{t('confidentiality.variants')}</span>
        <input
          name="variants"
          value={variants}
          placeholder={t('confidentiality.variantsHint')}
          onChange={(event) => setVariants(event.target.value)}
        />
      </label>
      <label className="field">
        <span>{t('confidentiality.pseudonym')}</span>
        <input
          name="pseudonym"
          value={pseudonym}
          required
          onChange={(event) => setPseudonym(event.target.value)}
        />
      </label>
      <label className="field">
        <span>{t('confidentiality.kind')}</span>
        <select
          name="kind"
          value={kind}
          onChange={(event) => setKind(event.target.value as PseudonymKind)}
        >
          {pseudonymKinds.map((option) => (
            <option key={option} value={option}>
              {t(`confidentiality.kinds.${option}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="exchange-buttons">
        <button type="submit" className="primary" disabled={pending}>
          {initial ? t('confidentiality.save') : t('confidentiality.add')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
