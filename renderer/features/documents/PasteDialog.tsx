import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { textBytes } from '../../components/files';
import type { ImportSource } from './ImportDialog';

/** Pasted text goes through the same import as a .txt file, speakers and timestamps included. */
export function PasteDialog({
  onClose,
  onReady,
}: {
  onClose: () => void;
  onReady: (source: ImportSource) => void;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  return (
    <Dialog title={t('import.pasteHeading')} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onReady({
            fileName: `${title.trim() || t('import.pastedTitle')}.txt`,
            data: textBytes(text),
          });
        }}
      >
        <label className="field">
          <span>{t('documents.title')}</span>
          <input
            name="paste-title"
            value={title}
            onChange={(event) => setTitle(event.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('import.pasteText')}</span>
          <textarea
            name="paste-text"
            rows={12}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </label>
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={!text.trim()}>
            {t('import.continue')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
