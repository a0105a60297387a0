import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartSettings, Ratings } from '../../../shared/analysis';
import type { Passage } from '../../../shared/documents';
import { useApi } from '../../api/context';
import { DraftField } from '../../components/DraftField';
import { PassageList } from '../../components/PassageList';
import { downloadBase64 } from '../../components/download';
import type { DocumentTarget } from '../documents/DocumentsView';
import { useProjectData } from '../project/ProjectData';

const SIZE = 480;
const MARGIN = 56;

function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  return btoa(binary);
}

/**
 * The 2×2 chart of governance models: each case placed by its ratings on two
 * axes, in plain SVG (exported as is, or drawn to PNG). Hover shows the
 * justifications; a click lists the case's evidence.
 */
export function GovernanceChart({ onOpen }: { onOpen: (target: DocumentTarget) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { cases, codes, showError } = useProjectData();
  const [ratings, setRatings] = useState<Ratings | null>(null);
  const [settings, setSettings] = useState<ChartSettings | null>(null);
  const [chosen, setChosen] = useState<{ caseId: string; passages: Passage[] } | null>(null);
  const svg = useRef<SVGSVGElement>(null);

  useEffect(() => {
    Promise.all([api['ratings.list']({}), api['chart.get']({})])
      .then(([loadedRatings, loadedSettings]) => {
        setRatings(loadedRatings);
        setSettings(loadedSettings);
      })
      .catch(showError);
  }, [api, showError, codes]);

  const axes = codes.filter((code) => code.parentId === null);
  const xAxis = codes.find((code) => code.id === settings?.xCodeId) ?? axes[0];
  const yAxis = codes.find((code) => code.id === settings?.yCodeId) ?? axes[1];
  const defaults = [
    t('chart.quadrants.topLeft'),
    t('chart.quadrants.topRight'),
    t('chart.quadrants.bottomLeft'),
    t('chart.quadrants.bottomRight'),
  ];
  const quadrants = defaults.map((label, index) => settings?.quadrants[index] || label);

  const points = useMemo(() => {
    if (!ratings || !xAxis || !yAxis) return [];
    const { minimum, maximum } = ratings.scale;
    const scale = (value: number) => (value - minimum) / (maximum - minimum);
    const placed = cases.flatMap((row) => {
      const x = ratings.ratings.find(
        (rating) => rating.caseId === row.id && rating.codeId === xAxis.id,
      );
      const y = ratings.ratings.find(
        (rating) => rating.caseId === row.id && rating.codeId === yAxis.id,
      );
      if (
        x?.value === null ||
        x?.value === undefined ||
        y?.value === null ||
        y?.value === undefined
      )
        return [];
      return [
        {
          caseId: row.id,
          name: row.name,
          left: MARGIN + scale(x.value) * (SIZE - 2 * MARGIN),
          top: SIZE - MARGIN - scale(y.value) * (SIZE - 2 * MARGIN),
          justification: [x.justification, y.justification].filter(Boolean).join(' — '),
          evidence: [...x.evidence, ...y.evidence],
        },
      ];
    });
    // Cases rated alike share a position: they are set apart on a small circle around it,
    // so each point and label stays readable (and clickable).
    const together = new Map<string, number>();
    for (const point of placed) {
      const key = `${point.left},${point.top}`;
      together.set(key, (together.get(key) ?? 0) + 1);
    }
    const seen = new Map<string, number>();
    return placed.map((point) => {
      const key = `${point.left},${point.top}`;
      const count = together.get(key)!;
      if (count === 1) return point;
      const index = seen.get(key) ?? 0;
      seen.set(key, index + 1);
      const angle = (2 * Math.PI * index) / count - Math.PI / 2;
      return {
        ...point,
        left: point.left + 16 * Math.cos(angle),
        top: point.top + 16 * Math.sin(angle),
      };
    });
  }, [cases, ratings, xAxis, yAxis]);

  const save = (patch: Partial<ChartSettings>) => {
    const next = { xCodeId: xAxis?.id ?? null, yCodeId: yAxis?.id ?? null, quadrants, ...patch };
    void api['chart.set'](next).then(setSettings).catch(showError);
  };
  const svgText = () => {
    const element = svg.current;
    if (!element) return '';
    return new XMLSerializer().serializeToString(element);
  };
  const exportPng = async () => {
    const url = URL.createObjectURL(new Blob([svgText()], { type: 'image/svg+xml' }));
    try {
      const image = new Image();
      await new Promise<void>((resolve, reject) => {
        image.onload = () => resolve();
        image.onerror = () => reject(new Error('The chart could not be drawn.'));
        image.src = url;
      });
      const canvas = document.createElement('canvas');
      canvas.width = SIZE * 2;
      canvas.height = SIZE * 2;
      const context = canvas.getContext('2d');
      if (!context) return;
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      const data = canvas.toDataURL('image/png').split(',')[1] ?? '';
      downloadBase64('governance-chart.png', data, 'image/png');
    } finally {
      URL.revokeObjectURL(url);
    }
  };
  const mid = SIZE / 2;

  return (
    <div className="chart-view">
      <div className="chart-controls">
        {(
          [
            ['chart.horizontal', xAxis, 'xCodeId'],
            ['chart.vertical', yAxis, 'yCodeId'],
          ] as const
        ).map(([labelKey, chosenAxis, setting]) => (
          <label key={setting} className="field">
            <span>{t(labelKey)}</span>
            <select
              value={chosenAxis?.id ?? ''}
              onChange={(event) => save({ [setting]: event.target.value || null })}
            >
              {axes.map((axis) => (
                <option key={axis.id} value={axis.id}>
                  {axis.name}
                </option>
              ))}
            </select>
          </label>
        ))}
        <button
          type="button"
          onClick={() =>
            downloadBase64('governance-chart.svg', toBase64(svgText()), 'image/svg+xml')
          }
        >
          {t('chart.exportSvg')}
        </button>
        <button type="button" onClick={() => void exportPng().catch(showError)}>
          {t('chart.exportPng')}
        </button>
      </div>
      <svg
        ref={svg}
        xmlns="http://www.w3.org/2000/svg"
        width={SIZE}
        height={SIZE}
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        role="img"
        aria-label={t('chart.title')}
        className="governance-chart"
      >
        <rect x={0} y={0} width={SIZE} height={SIZE} fill="#ffffff" />
        <line x1={mid} y1={MARGIN / 2} x2={mid} y2={SIZE - MARGIN / 2} stroke="#999999" />
        <line x1={MARGIN / 2} y1={mid} x2={SIZE - MARGIN / 2} y2={mid} stroke="#999999" />
        {[
          [MARGIN, MARGIN - 12, 'start'],
          [SIZE - MARGIN, MARGIN - 12, 'end'],
          [MARGIN, SIZE - MARGIN + 22, 'start'],
          [SIZE - MARGIN, SIZE - MARGIN + 22, 'end'],
        ].map(([x, y, anchor], index) => (
          <text
            key={index}
            className="quadrant-label"
            x={Number(x)}
            y={Number(y)}
            textAnchor={anchor as 'start' | 'end'}
            fontSize={13}
            fill="#5f6670"
            fontFamily="sans-serif"
          >
            {quadrants[index]}
          </text>
        ))}
        <text
          x={SIZE / 2}
          y={SIZE - 6}
          textAnchor="middle"
          fontSize={13}
          fontFamily="sans-serif"
          fill="#1f2328"
        >
          {xAxis?.name ?? ''} →
        </text>
        <text
          x={14}
          y={SIZE / 2}
          textAnchor="middle"
          fontSize={13}
          fontFamily="sans-serif"
          fill="#1f2328"
          transform={`rotate(-90 14 ${SIZE / 2})`}
        >
          {yAxis?.name ?? ''} →
        </text>
        {points.map((point) => (
          <g
            key={point.caseId}
            className="chart-point"
            data-case={point.name}
            role="button"
            tabIndex={0}
            onClick={() => {
              void api['passages.list']({ caseIds: [point.caseId] })
                .then((list) =>
                  setChosen({
                    caseId: point.caseId,
                    passages: list.filter((passage) => point.evidence.includes(passage.coding.id)),
                  }),
                )
                .catch(showError);
            }}
          >
            <title>{point.justification || point.name}</title>
            <circle cx={point.left} cy={point.top} r={7} fill="#0072B2" />
            <text
              className="point-label"
              x={point.left + 10}
              y={point.top + 4}
              fontSize={14}
              fontFamily="sans-serif"
              fill="#1f2328"
            >
              {point.name}
            </text>
          </g>
        ))}
      </svg>
      <fieldset className="quadrant-editor">
        <legend>{t('chart.quadrantLabels')}</legend>
        {(['topLeft', 'topRight', 'bottomLeft', 'bottomRight'] as const).map((key, index) => (
          <label key={key} className="field">
            <span>{t(`chart.positions.${key}`)}</span>
            <DraftField
              label={t(`chart.positions.${key}`)}
              value={quadrants[index] ?? ''}
              onSave={(value) =>
                save({
                  quadrants: quadrants.map((current, position) =>
                    position === index ? value : current,
                  ),
                })
              }
            />
          </label>
        ))}
      </fieldset>
      {chosen && (
        <section
          className="chart-evidence"
          aria-label={t('chart.evidenceOf', {
            case: cases.find((row) => row.id === chosen.caseId)?.name ?? '',
          })}
        >
          <h3>
            {t('chart.evidenceOf', {
              case: cases.find((row) => row.id === chosen.caseId)?.name ?? '',
            })}
          </h3>
          {chosen.passages.length === 0 && <p className="muted">{t('ratings.noEvidence')}</p>}
          <PassageList passages={chosen.passages} onOpen={onOpen} />
        </section>
      )}
    </div>
  );
}
