import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideSummary } from '../../../shared/guides';
import type { ReportBlock, ReportBlockKind } from '../../../shared/report';
import { reportBlockKinds } from '../../../shared/report';
import { useProjectData } from '../project/ProjectData';
import { BlockOptions } from './BlockOptions';
import { newBlock } from './newBlock';

/** The report's blocks in their order: each with its options, moved, removed; new ones added last. */
export function ReportBlockList({
  blocks,
  guides,
  onChange,
}: {
  blocks: readonly ReportBlock[];
  guides: readonly GuideSummary[];
  onChange: (blocks: ReportBlock[]) => void;
}) {
  const { t } = useTranslation();
  const { codes, attributes, readOnly } = useProjectData();
  const [adding, setAdding] = useState<ReportBlockKind>('typology');
  // Which blocks show their options: kept through saves, undo and redo.
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string, shown: boolean) =>
    setOpen((current) => {
      const next = new Set(current);
      if (shown) next.add(id);
      else next.delete(id);
      return next;
    });
  const nameOf = (block: ReportBlock) => {
    const kind = t(`report.kinds.${block.kind}`);
    if (block.kind === 'heading') return t('report.blockName', { kind, detail: block.text });
    const codeId = 'codeId' in block ? block.codeId : null;
    const code = codeId ? codes.find((found) => found.id === codeId)?.name : null;
    return code ? t('report.blockName', { kind, detail: code }) : kind;
  };
  const move = (index: number, by: -1 | 1) => {
    const order = [...blocks];
    [order[index], order[index + by]] = [order[index + by]!, order[index]!];
    onChange(order);
  };
  const add = () => {
    const block = newBlock(adding, { codes, attributes, heading: t('report.newHeading') });
    if (!block) return;
    onChange([...blocks, block]);
    toggle(block.id, true);
  };
  return (
    <section className="report-blocks" aria-labelledby="report-blocks-heading">
      <h3 id="report-blocks-heading">{t('report.blocks')}</h3>
      <ol>
        {blocks.map((block, index) => {
          const name = nameOf(block);
          return (
            <li key={block.id} className="report-block" aria-label={name}>
              <div className="report-block-header">
                <strong>{name}</strong>
                <span className="report-block-moves">
                  <button
                    type="button"
                    className="link"
                    disabled={readOnly || index === 0}
                    aria-label={t('report.upNamed', { block: name })}
                    onClick={() => move(index, -1)}
                  >
                    {t('report.up')}
                  </button>
                  <button
                    type="button"
                    className="link"
                    disabled={readOnly || index === blocks.length - 1}
                    aria-label={t('report.downNamed', { block: name })}
                    onClick={() => move(index, 1)}
                  >
                    {t('report.down')}
                  </button>
                  <button
                    type="button"
                    className="link danger"
                    disabled={readOnly || blocks.length === 1}
                    aria-label={t('report.removeNamed', { block: name })}
                    onClick={() => onChange(blocks.filter((other) => other.id !== block.id))}
                  >
                    {t('report.remove')}
                  </button>
                </span>
              </div>
              <details
                open={open.has(block.id)}
                onToggle={(event) => toggle(block.id, event.currentTarget.open)}
              >
                <summary>{t('report.options.show')}</summary>
                <fieldset disabled={readOnly} className="report-block-options">
                  <BlockOptions
                    block={block}
                    guides={guides}
                    onChange={(changed) =>
                      onChange(blocks.map((other) => (other.id === block.id ? changed : other)))
                    }
                  />
                </fieldset>
              </details>
            </li>
          );
        })}
      </ol>
      <div className="report-add">
        <label className="field">
          <span>{t('report.addBlock')}</span>
          <select
            value={adding}
            disabled={readOnly}
            onChange={(event) => setAdding(event.target.value as ReportBlockKind)}
          >
            {reportBlockKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`report.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={readOnly} onClick={add}>
          {t('report.add')}
        </button>
      </div>
    </section>
  );
}
