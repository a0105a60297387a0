import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLayoutFlag } from '../../components/usePaneSize';

export type SideTab = 'recording' | 'guide' | 'original';

/**
 * Beside the transcript: the recording, the guide and (for a PDF) the
 * original as tabs above, folded
 * away when not needed, and the codebook below, always in view while coding.
 * Both tabs stay mounted (hidden, not removed): playback goes on under the guide.
 */
export function SidePanels({
  recording,
  guide,
  original,
  codebook,
  tab,
  onTab,
}: {
  recording: ReactNode;
  guide: ReactNode;
  /** Null for a document without an original file. */
  original: ReactNode;
  codebook: ReactNode;
  tab: SideTab;
  onTab: (tab: SideTab) => void;
}) {
  const { t } = useTranslation();
  const [folded, setFolded] = useLayoutFlag('sideTabsFolded', false);
  const hasTabs = recording !== null || guide !== null;
  const names =
    original !== null
      ? (['original', 'recording', 'guide'] as const)
      : (['recording', 'guide'] as const);
  const shown: SideTab = tab === 'original' && original === null ? 'recording' : tab;
  const panels: Record<SideTab, ReactNode> = { recording, guide, original };
  return (
    <div className="document-side">
      {hasTabs && (
        <div className={`side-tabs${folded ? ' folded' : ''}`}>
          <div className="side-tab-list" role="tablist" aria-label={t('layout.sidePanels')}>
            {names.map((name) => (
              <button
                key={name}
                type="button"
                role="tab"
                id={`side-tab-${name}`}
                aria-selected={!folded && shown === name}
                aria-controls={`side-panel-${name}`}
                onClick={() => {
                  onTab(name);
                  setFolded(false);
                }}
              >
                {t(`layout.tabs.${name}`)}
              </button>
            ))}
            <button
              type="button"
              className="link side-fold"
              aria-expanded={!folded}
              onClick={() => setFolded(!folded)}
            >
              {folded ? t('layout.unfold') : t('layout.fold')}
            </button>
          </div>
          {names.map((name) => (
            <div
              key={name}
              role="tabpanel"
              id={`side-panel-${name}`}
              aria-labelledby={`side-tab-${name}`}
              className="side-tab-panel"
              hidden={folded || shown !== name}
            >
              {panels[name]}
            </div>
          ))}
        </div>
      )}
      <div className="side-codebook">{codebook}</div>
    </div>
  );
}
