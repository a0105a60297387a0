import { useTranslation } from 'react-i18next';
import type { CodeNode } from '../../../shared/documents';
import { codePath } from '../codebook/codeTree';
import { IN_VIVO_GROUP_CHOICE } from './useNewCodeParent';

/** "Under: Participation citoyenne ▾": where a code made while coding goes. */
export function NewCodeParentPicker({
  codes,
  parentId,
  onChange,
}: {
  codes: CodeNode[];
  parentId: string | null;
  onChange: (parentId: string | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <label className="new-code-parent">
      <span>{t('coding.newCodeUnder')}</span>
      <select
        aria-label={t('coding.newCodeUnderLabel')}
        value={parentId ?? ''}
        onChange={(event) => onChange(event.target.value || null)}
      >
        <option value={IN_VIVO_GROUP_CHOICE}>{t('coding.inVivoGroup')}</option>
        <option value="">{t('coding.topOfCodebook')}</option>
        {codes.map((code) => (
          <option key={code.id} value={code.id}>
            {codePath(codes, code.id).join(' › ')}
          </option>
        ))}
      </select>
    </label>
  );
}
