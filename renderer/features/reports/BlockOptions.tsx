import { useTranslation } from 'react-i18next';
import { matrixLevels, matrixRowKinds } from '../../../shared/analysis';
import type { GuideSummary } from '../../../shared/guides';
import type { ReportBlock } from '../../../shared/report';
import { participantCaseColumn } from '../../../shared/report';
import { DraftField } from '../../components/DraftField';
import type { CodeTreeNode } from '../codebook/codeTree';
import { buildCodeTree } from '../codebook/codeTree';
import { useProjectData } from '../project/ProjectData';
import { ColumnChooser } from './ColumnChooser';

/** What a block of the report shows: its columns, its code, its guide, its caption. */
export function BlockOptions({
  block,
  guides,
  onChange,
}: {
  block: ReportBlock;
  guides: readonly GuideSummary[];
  onChange: (block: ReportBlock) => void;
}) {
  const { t } = useTranslation();
  const { codes, attributes } = useProjectData();
  const attributesOf = (kind: 'case' | 'participant') =>
    attributes
      .filter((attribute) => attribute.entityKind === kind)
      .map((attribute) => ({ id: attribute.id, name: attribute.name }));
  // In the codebook's order and indented as there: an axis, its variables, their codes.
  const ordered: CodeTreeNode[] = [];
  const walk = (nodes: readonly CodeTreeNode[]) => {
    for (const node of nodes) {
      ordered.push(node);
      walk(node.children);
    }
  };
  walk(buildCodeTree(codes));
  const codeChoice = (
    value: string | null,
    onPick: (codeId: string | null) => void,
    whole: boolean,
  ) => (
    <label className="field">
      <span>{t('report.options.code')}</span>
      <select value={value ?? ''} onChange={(event) => onPick(event.target.value || null)}>
        {whole && <option value="">{t('report.options.wholeCodebook')}</option>}
        {value && !codes.some((code) => code.id === value) && (
          <option value={value}>{t('report.options.deleted')}</option>
        )}
        {ordered.map(({ code, depth }) => (
          <option key={code.id} value={code.id}>
            {'\u00a0\u00a0'.repeat(depth) + code.name}
          </option>
        ))}
      </select>
    </label>
  );
  const caption =
    block.kind === 'heading' ? null : (
      <label className="field">
        <span>{t('report.options.caption')}</span>
        <DraftField
          label={t('report.options.caption')}
          value={block.caption}
          onSave={(value) => onChange({ ...block, caption: value })}
        />
        <small className="muted">{t('report.options.captionHint')}</small>
      </label>
    );
  switch (block.kind) {
    case 'heading':
      return (
        <label className="field">
          <span>{t('report.options.text')}</span>
          <DraftField
            label={t('report.options.text')}
            value={block.text}
            onSave={(value) => value.trim() && onChange({ ...block, text: value.trim() })}
          />
        </label>
      );
    case 'caseTable':
      return (
        <>
          <ColumnChooser
            offered={attributesOf('case')}
            chosen={block.columns}
            onChange={(columns) => onChange({ ...block, columns })}
          />
          <label className="checkbox">
            <input
              type="checkbox"
              checked={block.casesAsColumns}
              onChange={(event) => onChange({ ...block, casesAsColumns: event.target.checked })}
            />
            {t('report.options.casesAsColumns')}
          </label>
          {caption}
        </>
      );
    case 'participantTable':
      return (
        <>
          <ColumnChooser
            offered={[
              { id: participantCaseColumn, name: t('report.columns.case') },
              ...attributesOf('participant'),
            ]}
            chosen={block.columns}
            onChange={(columns) => onChange({ ...block, columns })}
          />
          {caption}
        </>
      );
    case 'guideTable':
      return (
        <>
          <label className="field">
            <span>{t('report.options.guide')}</span>
            <select
              value={block.guideId ?? ''}
              onChange={(event) => onChange({ ...block, guideId: event.target.value || null })}
            >
              <option value="">{t('report.options.firstGuide')}</option>
              {guides.map((guide) => (
                <option key={guide.id} value={guide.id}>
                  {guide.title}
                </option>
              ))}
            </select>
          </label>
          {caption}
        </>
      );
    case 'typology':
      return (
        <>
          {codeChoice(block.codeId, (codeId) => codeId && onChange({ ...block, codeId }), false)}
          <label className="field">
            <span>{t('report.options.presence')}</span>
            <select
              value={block.presence}
              onChange={(event) =>
                onChange({ ...block, presence: event.target.value as typeof block.presence })
              }
            >
              {(['none', 'ticks', 'counts'] as const).map((presence) => (
                <option key={presence} value={presence}>
                  {t(`report.options.presenceKinds.${presence}`)}
                </option>
              ))}
            </select>
          </label>
          {caption}
        </>
      );
    case 'quotations':
    case 'codebook':
      return (
        <>
          {codeChoice(block.codeId, (codeId) => onChange({ ...block, codeId }), true)}
          {caption}
        </>
      );
    case 'matrix':
      return (
        <>
          <label className="field">
            <span>{t('report.options.rows')}</span>
            <select
              value={block.rowKind}
              onChange={(event) =>
                onChange({ ...block, rowKind: event.target.value as typeof block.rowKind })
              }
            >
              {matrixRowKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`matrix.rowKinds.${kind}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('report.options.level')}</span>
            <select
              value={block.level}
              onChange={(event) =>
                onChange({ ...block, level: event.target.value as typeof block.level })
              }
            >
              {matrixLevels.map((level) => (
                <option key={level} value={level}>
                  {t(`matrix.levels.${level}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('report.options.cells')}</span>
            <select
              value={block.cells}
              onChange={(event) =>
                onChange({ ...block, cells: event.target.value as typeof block.cells })
              }
            >
              {(['passages', 'summaries'] as const).map((cells) => (
                <option key={cells} value={cells}>
                  {t(`report.options.cellKinds.${cells}`)}
                </option>
              ))}
            </select>
          </label>
          {caption}
        </>
      );
    case 'chart':
      return caption;
  }
}
