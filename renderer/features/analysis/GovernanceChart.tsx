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
import { LINE_HEIGHT, placeLabels, standaloneSvg, ticks, withDensity } from './chartLayout';

const DPI = 300;

const WIDTH = 600;
const HEIGHT = 600;
// The plot area, inside room for the title, the ticks, the axes' names and the legend.
const PLOT = { left: 72, right: WIDTH - 28, top: 52, bottom: HEIGHT - 118 };
const RADIUS = 7;
// Okabe and Ito's colours, told apart by every kind of colour vision.
const PALETTE = [
  '#E69F00',
  '#009E73',
  '#D55E00',
  '#0072B2',
  '#CC79A7',
  '#56B4E9',
  '#F0E442',
  '#000000',
];
const ON_LINE = '#666666';
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
  const defaults = [
    t('chart.quadrants.topLeft'),
    t('chart.quadrants.topRight'),
    t('chart.quadrants.bottomLeft'),
    t('chart.quadrants.bottomRight'),
  ];
  const quadrants = defaults.map((label, index) => settings?.quadrants[index] || label);

  const scale = ratings?.scale ?? { minimum: 1, maximum: 5, labels: [] };
  const middle = (scale.minimum + scale.maximum) / 2;
  const xOf = (value: number) =>
    PLOT.left +
    ((value - scale.minimum) / (scale.maximum - scale.minimum || 1)) * (PLOT.right - PLOT.left);
  const yOf = (value: number) =>
    PLOT.bottom -
    ((value - scale.minimum) / (scale.maximum - scale.minimum || 1)) * (PLOT.bottom - PLOT.top);
  const colourAttributes = attributes.filter(
    (attribute) =>
      attribute.entityKind === 'case' && attribute.type !== 'number' && attribute.type !== 'date',
  );
  const colourAttribute = colourAttributes.find((attribute) => attribute.id === colourBy) ?? null;

  const points = useMemo(() => {
    if (!ratings || !xAxis || !yAxis) return [];
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
      // A case on a dividing line belongs to no quadrant: it is drawn so, never hidden by the line.
      const quadrant =
        x.value === middle || y.value === middle
          ? null
          : (y.value > middle ? 0 : 2) + (x.value > middle ? 1 : 0);
      return [
        {
          caseId: row.id,
          name: row.name,
          quadrant,
          group: colourAttribute ? String(row.values[colourAttribute.id] ?? '') : null,
          x: xOf(x.value),
          y: yOf(y.value),
          justification: [x.justification, y.justification].filter(Boolean).join(' — '),
          evidence: [...x.evidence, ...y.evidence],
        },
      ];
    });
    // Cases rated alike share a position: they are set apart on a small circle around it,
    // so each point and label stays readable (and clickable).
    const together = new Map<string, number>();
    for (const point of placed) {
      const key = `${point.x},${point.y}`;
      together.set(key, (together.get(key) ?? 0) + 1);
    }
    const seen = new Map<string, number>();
    return placed.map((point) => {
      const key = `${point.x},${point.y}`;
      const count = together.get(key)!;
      if (count === 1) return point;
      const index = seen.get(key) ?? 0;
      seen.set(key, index + 1);
      const angle = (2 * Math.PI * index) / count - Math.PI / 2;
      return { ...point, x: point.x + 16 * Math.cos(angle), y: point.y + 16 * Math.sin(angle) };
    });
    // xOf and yOf follow the scale, which `ratings` carries.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cases, ratings, xAxis, yAxis, colourAttribute, middle]);

  const groups = colourAttribute
    ? [...new Set(points.map((point) => point.group ?? ''))].sort((a, b) => a.localeCompare(b))
    : [];
  const colourOf = (point: (typeof points)[number]) =>
    colourAttribute
      ? PALETTE[groups.indexOf(point.group ?? '') % PALETTE.length]!
      : point.quadrant === null
        ? ON_LINE
        : PALETTE[point.quadrant]!;
  const labels = placeLabels(
    points.map((point) => ({ x: point.x, y: point.y, radius: RADIUS, name: point.name })),
    { x: 4, y: PLOT.top - 14, width: WIDTH - 8, height: PLOT.bottom - PLOT.top + 28 },
    measure,
  );
  const legend = colourAttribute
    ? groups.map((group, index) => ({
        label: group || t('chart.noValue'),
        colour: PALETTE[index % PALETTE.length]!,
      }))
    : [
        ...quadrants.map((label, index) => ({ label, colour: PALETTE[index]! })),
        ...(points.some((point) => point.quadrant === null)
          ? [{ label: t('chart.onLine'), colour: ON_LINE }]
          : []),
      ];
  const tickValues = ticks(scale.minimum, scale.maximum);

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
        aria-label={t('chart.title')}
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
          {t('chart.title')}
        </text>
        <rect
          x={PLOT.left}
          y={PLOT.top}
          width={PLOT.right - PLOT.left}
          height={PLOT.bottom - PLOT.top}
          fill="none"
          stroke="#bbbbbb"
        />
        {tickValues.map((value) => (
          <g key={value} className="tick">
            <line
              x1={xOf(value)}
              y1={PLOT.bottom}
              x2={xOf(value)}
              y2={PLOT.bottom + 5}
              stroke="#888888"
            />
            <text
              x={xOf(value)}
              y={PLOT.bottom + 18}
              textAnchor="middle"
              fontSize={11}
              fill="#5f6670"
            >
              {formatNumber(value, i18n.language)}
            </text>
            <line
              x1={PLOT.left - 5}
              y1={yOf(value)}
              x2={PLOT.left}
              y2={yOf(value)}
              stroke="#888888"
            />
            <text
              x={PLOT.left - 8}
              y={yOf(value) + 4}
              textAnchor="end"
              fontSize={11}
              fill="#5f6670"
            >
              {formatNumber(value, i18n.language)}
            </text>
          </g>
        ))}
        <line
          className="midline-x"
          x1={xOf(middle)}
          y1={PLOT.top}
          x2={xOf(middle)}
          y2={PLOT.bottom}
          stroke="#999999"
          strokeDasharray="4 3"
        />
        <line
          className="midline-y"
          x1={PLOT.left}
          y1={yOf(middle)}
          x2={PLOT.right}
          y2={yOf(middle)}
          stroke="#999999"
          strokeDasharray="4 3"
        />
        {(
          [
            [PLOT.left + 6, PLOT.top + 16, 'start'],
            [PLOT.right - 6, PLOT.top + 16, 'end'],
            [PLOT.left + 6, PLOT.bottom - 8, 'start'],
            [PLOT.right - 6, PLOT.bottom - 8, 'end'],
          ] as const
        ).map(([x, y, anchor], index) => (
          <text
            key={index}
            className="quadrant-label"
            x={x}
            y={y}
            textAnchor={anchor}
            fontSize={12}
            fill="#8a9099"
          >
            {quadrants[index]}
          </text>
        ))}
        <text
          x={(PLOT.left + PLOT.right) / 2}
          y={PLOT.bottom + 38}
          textAnchor="middle"
          fontSize={13}
          fill="#1f2328"
        >
          {xAxis?.name ?? ''} →
        </text>
        <text
          x={18}
          y={(PLOT.top + PLOT.bottom) / 2}
          textAnchor="middle"
          fontSize={13}
          fill="#1f2328"
          transform={`rotate(-90 18 ${(PLOT.top + PLOT.bottom) / 2})`}
        >
          {yAxis?.name ?? ''} →
        </text>
        {points.map((point, index) => (
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
              r={RADIUS}
              fill={colourOf(point)}
              stroke="#ffffff"
              strokeWidth={2}
            />
            <text
              className="point-label"
              x={labels[index]!.x}
              y={labels[index]!.y}
              fontSize={13}
              fill="#1f2328"
            >
              {labels[index]!.lines.map((line, lineIndex) => (
                <tspan key={lineIndex} x={labels[index]!.x} dy={lineIndex === 0 ? 0 : LINE_HEIGHT}>
                  {line}
                </tspan>
              ))}
            </text>
          </g>
        ))}
        <g className="chart-legend">
          {legend.map((entry, index) => {
            const column = index % 2;
            const row = Math.floor(index / 2);
            const x = PLOT.left + column * ((PLOT.right - PLOT.left) / 2);
            const y = PLOT.bottom + 62 + row * 18;
            return (
              <g key={entry.label + index}>
                <circle cx={x + 5} cy={y - 4} r={5} fill={entry.colour} />
                <text x={x + 15} y={y} fontSize={12} fill="#1f2328">
                  {entry.label}
                </text>
              </g>
            );
          })}
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
