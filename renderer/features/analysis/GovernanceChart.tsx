import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartSettings, Ratings } from '../../../shared/analysis';
import type { Passage } from '../../../shared/documents';
import { useApi } from '../../api/context';
import { DraftField } from '../../components/DraftField';
import { PassageList } from '../../components/PassageList';
import { downloadBytes } from '../../components/download';
import { textBytes } from '../../components/files';
import type { DocumentTarget } from '../documents/DocumentsView';
import { useProjectData } from '../project/ProjectData';
import { formatNumber } from '../../components/formatNumber';
import { LINE_HEIGHT, withDensity } from '../../../shared/chart/chartLayout';
import {
  CHART_HEIGHT,
  CHART_PLOT,
  CHART_WIDTH,
  POINT_RADIUS,
  chartModel,
} from '../../../shared/chart/governanceChart';
import { standaloneSvg } from './standaloneSvg';

const DPI = 300;

const WIDTH = CHART_WIDTH;
const HEIGHT = CHART_HEIGHT;
const FONT = 'sans-serif';

let measuring: CanvasRenderingContext2D | null = null;
/** A label's width as the chart draws it (13 px sans-serif). */
function measure(text: string): number {
  measuring ??= document.createElement('canvas').getContext('2d');
  if (!measuring) return text.length * 7.5;
  measuring.font = `13px ${FONT}`;
  return measuring.measureText(text).width;
}

/**
 * The 2×2 chart of governance models: each case placed by its ratings on two
 * axes, in plain SVG (exported as is, or drawn to PNG). Hover shows the
 * justifications; a click lists the case's evidence.
 */
export function GovernanceChart({ onOpen }: { onOpen: (target: DocumentTarget) => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { cases, codes, attributes, history, showError } = useProjectData();
  const [colourBy, setColourBy] = useState('');
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
    // Read again after every write: an undo of a rating or a setting changes none of the lists.
  }, [api, showError, codes, history.writes]);

  const axes = codes.filter((code) => code.parentId === null);
  const xAxis = codes.find((code) => code.id === settings?.xCodeId) ?? axes[0];
  const yAxis = codes.find((code) => code.id === settings?.yCodeId) ?? axes[1];
  // Named from the axes as they are drawn: a default never says "open" of the proactivity axis.
  const names = { x: xAxis?.name ?? '', y: yAxis?.name ?? '' };
  const defaults = [
    t('chart.quadrants.topLeft', names),
    t('chart.quadrants.topRight', names),
    t('chart.quadrants.bottomLeft', names),
    t('chart.quadrants.bottomRight', names),
  ];
  const quadrants = defaults.map((label, index) => settings?.quadrants[index] || label);

  const colourAttributes = attributes.filter(
    (attribute) =>
      attribute.entityKind === 'case' && attribute.type !== 'number' && attribute.type !== 'date',
  );
  const colourAttribute = colourAttributes.find((attribute) => attribute.id === colourBy) ?? null;
  const model = useMemo(
    () =>
      chartModel({
        cases,
        xAxis,
        yAxis,
        scale: ratings?.scale ?? { minimum: 1, maximum: 5, labels: [] },
        ratings: ratings?.ratings ?? [],
        quadrants,
        colourAttributeId: colourAttribute?.id ?? null,
        words: { noValue: t('chart.noValue'), onLine: t('chart.onLine') },
        measure,
      }),
    // The quadrants' words are remade each render; their text is what counts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [cases, ratings, xAxis, yAxis, colourAttribute, quadrants.join('\n'), t],
  );
  const points = ratings ? model.points : [];

  const save = (patch: Partial<ChartSettings>) => {
    const next = { xCodeId: xAxis?.id ?? null, yCodeId: yAxis?.id ?? null, quadrants, ...patch };
    void api['chart.set'](next).then(setSettings).catch(showError);
  };
  const svgText = () => (svg.current ? standaloneSvg(svg.current) : '');
  const exportPng = async () => {
    const url = URL.createObjectURL(new Blob([svgText()], { type: 'image/svg+xml' }));
    try {
      const image = new Image();
      await new Promise<void>((resolve, reject) => {
        image.onload = () => resolve();
        image.onerror = () => reject(new Error('The chart could not be drawn.'));
        image.src = url;
      });
      // 300 dpi: the chart's CSS pixels are 96 to the inch.
      const canvas = document.createElement('canvas');
      canvas.width = Math.round((WIDTH * DPI) / 96);
      canvas.height = Math.round((HEIGHT * DPI) / 96);
      const context = canvas.getContext('2d');
      if (!context) return;
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      const drawn = Uint8Array.from(atob(canvas.toDataURL('image/png').split(',')[1] ?? ''), (c) =>
        c.charCodeAt(0),
      );
      downloadBytes('governance-chart.png', withDensity(drawn, DPI), 'image/png');
    } finally {
      URL.revokeObjectURL(url);
    }
  };

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
        <label className="field">
          <span>{t('chart.colourBy')}</span>
          <select value={colourBy} onChange={(event) => setColourBy(event.target.value)}>
            <option value="">{t('chart.colourByQuadrant')}</option>
            {colourAttributes.map((attribute) => (
              <option key={attribute.id} value={attribute.id}>
                {attribute.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() =>
            downloadBytes('governance-chart.svg', textBytes(svgText()), 'image/svg+xml')
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
        width={WIDTH}
        height={HEIGHT}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={t('chart.title', names)}
        className="governance-chart"
        fontFamily={FONT}
      >
        <rect x={0} y={0} width={WIDTH} height={HEIGHT} fill="#ffffff" />
        <text
          x={WIDTH / 2}
          y={26}
          textAnchor="middle"
          fontSize={16}
          fontWeight="bold"
          fill="#1f2328"
        >
          {t('chart.title', names)}
        </text>
        <rect
          x={CHART_PLOT.left}
          y={CHART_PLOT.top}
          width={CHART_PLOT.right - CHART_PLOT.left}
          height={CHART_PLOT.bottom - CHART_PLOT.top}
          fill="none"
          stroke="#bbbbbb"
        />
        {model.ticks.map((tick) => (
          <g key={tick.value} className="tick">
            <line
              x1={tick.x}
              y1={CHART_PLOT.bottom}
              x2={tick.x}
              y2={CHART_PLOT.bottom + 5}
              stroke="#888888"
            />
            <text
              x={tick.x}
              y={CHART_PLOT.bottom + 18}
              textAnchor="middle"
              fontSize={11}
              fill="#5f6670"
            >
              {formatNumber(tick.value, i18n.language)}
            </text>
            <line
              x1={CHART_PLOT.left - 5}
              y1={tick.y}
              x2={CHART_PLOT.left}
              y2={tick.y}
              stroke="#888888"
            />
            <text
              x={CHART_PLOT.left - 8}
              y={tick.y + 4}
              textAnchor="end"
              fontSize={11}
              fill="#5f6670"
            >
              {formatNumber(tick.value, i18n.language)}
            </text>
          </g>
        ))}
        <line
          className="midline-x"
          x1={model.middle.x}
          y1={CHART_PLOT.top}
          x2={model.middle.x}
          y2={CHART_PLOT.bottom}
          stroke="#999999"
          strokeDasharray="4 3"
        />
        <line
          className="midline-y"
          x1={CHART_PLOT.left}
          y1={model.middle.y}
          x2={CHART_PLOT.right}
          y2={model.middle.y}
          stroke="#999999"
          strokeDasharray="4 3"
        />
        {model.quadrantLabels.map((quadrant, index) => (
          <text
            key={index}
            className="quadrant-label"
            x={quadrant.x}
            y={quadrant.y}
            textAnchor={quadrant.anchor}
            fontSize={12}
            fill="#8a9099"
          >
            {quadrant.text}
          </text>
        ))}
        <text
          x={(CHART_PLOT.left + CHART_PLOT.right) / 2}
          y={CHART_PLOT.bottom + 38}
          textAnchor="middle"
          fontSize={13}
          fill="#1f2328"
        >
          {model.xName} →
        </text>
        <text
          x={18}
          y={(CHART_PLOT.top + CHART_PLOT.bottom) / 2}
          textAnchor="middle"
          fontSize={13}
          fill="#1f2328"
          transform={`rotate(-90 18 ${(CHART_PLOT.top + CHART_PLOT.bottom) / 2})`}
        >
          {model.yName} →
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
            <circle
              cx={point.x}
              cy={point.y}
              r={POINT_RADIUS}
              fill={point.colour}
              stroke="#ffffff"
              strokeWidth={2}
            />
            <text
              className="point-label"
              x={point.label.x}
              y={point.label.y}
              fontSize={13}
              fill="#1f2328"
            >
              {point.label.lines.map((line, lineIndex) => (
                <tspan key={lineIndex} x={point.label.x} dy={lineIndex === 0 ? 0 : LINE_HEIGHT}>
                  {line}
                </tspan>
              ))}
            </text>
          </g>
        ))}
        <g className="chart-legend">
          {model.legend.map((entry, index) => (
            <g key={entry.label + index}>
              <circle cx={entry.x + 5} cy={entry.y - 4} r={5} fill={entry.colour} />
              <text x={entry.x + 15} y={entry.y} fontSize={12} fill="#1f2328">
                {entry.label}
              </text>
            </g>
          ))}
        </g>
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
