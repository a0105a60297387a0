import type { Rating, RatingScale } from '../analysis';
import type { AttributeValue } from '../cases';
import type { Measure, PlacedLabel } from './chartLayout';
import { LINE_HEIGHT, placeLabels, ticks } from './chartLayout';

export const CHART_WIDTH = 600;
export const CHART_HEIGHT = 600;
/** The plot area, inside room for the title, the ticks, the axes' names and the legend. */
export const CHART_PLOT = {
  left: 72,
  right: CHART_WIDTH - 28,
  top: 52,
  bottom: CHART_HEIGHT - 118,
};
export const POINT_RADIUS = 7;
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

export interface ChartInput {
  cases: readonly { id: string; name: string; values: Record<string, AttributeValue> }[];
  xAxis: { id: string; name: string } | undefined;
  yAxis: { id: string; name: string } | undefined;
  scale: RatingScale;
  ratings: readonly Rating[];
  /** Top left, top right, bottom left, bottom right, already in words. */
  quadrants: readonly string[];
  /** The case attribute the points are coloured by, or null for the quadrants. */
  colourAttributeId: string | null;
  words: { noValue: string; onLine: string };
  measure: Measure;
}

export interface ChartPoint {
  caseId: string;
  name: string;
  /** Its quadrant (0 top left … 3 bottom right), or null on a dividing line. */
  quadrant: number | null;
  x: number;
  y: number;
  colour: string;
  justification: string;
  evidence: string[];
  label: PlacedLabel;
}

export interface ChartModel {
  points: ChartPoint[];
  /** Cases left off because they are not rated on both axes. */
  unrated: string[];
  ticks: { value: number; x: number; y: number }[];
  middle: { x: number; y: number };
  quadrantLabels: { text: string; x: number; y: number; anchor: 'start' | 'end' }[];
  legend: { label: string; colour: string; x: number; y: number }[];
  xName: string;
  yName: string;
}

/**
 * Where everything of the 2×2 chart goes: each case placed by its ratings on
 * two axes, cases rated alike set apart on a small circle, labels placed
 * where they collide with nothing. The same for the screen and the report.
 */
export function chartModel(input: ChartInput): ChartModel {
  const { scale, xAxis, yAxis } = input;
  const plot = CHART_PLOT;
  const span = scale.maximum - scale.minimum || 1;
  const middle = (scale.minimum + scale.maximum) / 2;
  const xOf = (value: number) =>
    plot.left + ((value - scale.minimum) / span) * (plot.right - plot.left);
  const yOf = (value: number) =>
    plot.bottom - ((value - scale.minimum) / span) * (plot.bottom - plot.top);
  const ratingOf = (caseId: string, codeId: string | undefined) =>
    input.ratings.find((rating) => rating.caseId === caseId && rating.codeId === codeId);
  const unrated: string[] = [];
  const placed = input.cases.flatMap((row) => {
    const x = ratingOf(row.id, xAxis?.id);
    const y = ratingOf(row.id, yAxis?.id);
    if (typeof x?.value !== 'number' || typeof y?.value !== 'number') {
      unrated.push(row.name);
      return [];
    }
    // A case on a dividing line belongs to no quadrant: it is drawn so, never hidden by the line.
    const quadrant =
      x.value === middle || y.value === middle
        ? null
        : (y.value > middle ? 0 : 2) + (x.value > middle ? 1 : 0);
    const group = input.colourAttributeId
      ? String(row.values[input.colourAttributeId] ?? '')
      : null;
    return [
      {
        caseId: row.id,
        name: row.name,
        quadrant,
        group,
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
  const spread = placed.map((point) => {
    const key = `${point.x},${point.y}`;
    const count = together.get(key)!;
    if (count === 1) return point;
    const index = seen.get(key) ?? 0;
    seen.set(key, index + 1);
    const angle = (2 * Math.PI * index) / count - Math.PI / 2;
    return { ...point, x: point.x + 16 * Math.cos(angle), y: point.y + 16 * Math.sin(angle) };
  });
  const groups = input.colourAttributeId
    ? [...new Set(spread.map((point) => point.group ?? ''))].sort((a, b) => a.localeCompare(b))
    : [];
  const quadrantLabels = (
    [
      [plot.left + 6, plot.top + 16, 'start'],
      [plot.right - 6, plot.top + 16, 'end'],
      [plot.left + 6, plot.bottom - 8, 'start'],
      [plot.right - 6, plot.bottom - 8, 'end'],
    ] as const
  ).map(([x, y, anchor], index) => ({ text: input.quadrants[index] ?? '', x, y, anchor }));
  // The quadrants' names (12 px) are kept clear of the cases' labels.
  const named = quadrantLabels.map((label) => {
    const width = (input.measure(label.text) * 12) / 13;
    return {
      x: label.anchor === 'start' ? label.x : label.x - width,
      y: label.y - 12,
      width,
      height: 15,
    };
  });
  const labels = placeLabels(
    spread.map((point) => ({ x: point.x, y: point.y, radius: POINT_RADIUS, name: point.name })),
    { x: 4, y: plot.top - 14, width: CHART_WIDTH - 8, height: plot.bottom - plot.top + 28 },
    input.measure,
    130,
    named,
  );
  const points = spread.map((point, index) => ({
    caseId: point.caseId,
    name: point.name,
    quadrant: point.quadrant,
    x: point.x,
    y: point.y,
    colour: input.colourAttributeId
      ? PALETTE[groups.indexOf(point.group ?? '') % PALETTE.length]!
      : point.quadrant === null
        ? ON_LINE
        : PALETTE[point.quadrant]!,
    justification: point.justification,
    evidence: point.evidence,
    label: labels[index]!,
  }));
  const entries = input.colourAttributeId
    ? groups.map((group, index) => ({
        label: group || input.words.noValue,
        colour: PALETTE[index % PALETTE.length]!,
      }))
    : [
        ...input.quadrants.map((label, index) => ({ label, colour: PALETTE[index]! })),
        ...(points.some((point) => point.quadrant === null)
          ? [{ label: input.words.onLine, colour: ON_LINE }]
          : []),
      ];
  return {
    points,
    unrated,
    ticks: ticks(scale.minimum, scale.maximum).map((value) => ({
      value,
      x: xOf(value),
      y: yOf(value),
    })),
    middle: { x: xOf(middle), y: yOf(middle) },
    quadrantLabels,
    legend: entries.map((entry, index) => ({
      ...entry,
      x: plot.left + (index % 2) * ((plot.right - plot.left) / 2),
      y: plot.bottom + 62 + Math.floor(index / 2) * 18,
    })),
    xName: xAxis?.name ?? '',
    yName: yAxis?.name ?? '',
  };
}

/**
 * A label's width in the report's font (DejaVu Sans, 13 px) without a
 * browser to measure it: each letter's advance, to a pixel or so.
 */
export function estimateWidth(text: string, size = 13): number {
  let ems = 0;
  for (const character of text) {
    if (/[ijlI.,;:'!|ıf()[\]]/u.test(character)) ems += 0.3;
    else if (character === ' ' || /[trs]/u.test(character)) ems += 0.4;
    else if (/[mwMWŒœ]/u.test(character)) ems += 0.9;
    else if (/\p{Lu}|\d/u.test(character)) ems += 0.68;
    else ems += 0.6;
  }
  return ems * size;
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** The chart as a standalone SVG file: what the report embeds and draws to PNG. */
export function chartSvg(
  model: ChartModel,
  words: { title: string; formatNumber: (value: number) => string },
  fontFamily = 'DejaVu Sans, sans-serif',
): string {
  const plot = CHART_PLOT;
  const text = (x: number, y: number, content: string, attributes: string) =>
    `<text x="${x}" y="${y}" ${attributes}>${escapeXml(content)}</text>`;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}" font-family="${escapeXml(fontFamily)}">`,
    `<rect x="0" y="0" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" fill="#ffffff"/>`,
    words.title
      ? text(
          CHART_WIDTH / 2,
          26,
          words.title,
          'text-anchor="middle" font-size="16" font-weight="bold" fill="#1f2328"',
        )
      : '',
    `<rect x="${plot.left}" y="${plot.top}" width="${plot.right - plot.left}" height="${plot.bottom - plot.top}" fill="none" stroke="#bbbbbb"/>`,
  ];
  for (const tick of model.ticks) {
    const label = words.formatNumber(tick.value);
    parts.push(
      `<line x1="${tick.x}" y1="${plot.bottom}" x2="${tick.x}" y2="${plot.bottom + 5}" stroke="#888888"/>`,
      text(tick.x, plot.bottom + 18, label, 'text-anchor="middle" font-size="11" fill="#5f6670"'),
      `<line x1="${plot.left - 5}" y1="${tick.y}" x2="${plot.left}" y2="${tick.y}" stroke="#888888"/>`,
      text(plot.left - 8, tick.y + 4, label, 'text-anchor="end" font-size="11" fill="#5f6670"'),
    );
  }
  parts.push(
    `<line x1="${model.middle.x}" y1="${plot.top}" x2="${model.middle.x}" y2="${plot.bottom}" stroke="#999999" stroke-dasharray="4 3"/>`,
    `<line x1="${plot.left}" y1="${model.middle.y}" x2="${plot.right}" y2="${model.middle.y}" stroke="#999999" stroke-dasharray="4 3"/>`,
  );
  for (const quadrant of model.quadrantLabels)
    parts.push(
      text(
        quadrant.x,
        quadrant.y,
        quadrant.text,
        `text-anchor="${quadrant.anchor}" font-size="12" fill="#8a9099"`,
      ),
    );
  const middleY = (plot.top + plot.bottom) / 2;
  parts.push(
    text(
      (plot.left + plot.right) / 2,
      plot.bottom + 38,
      `${model.xName} →`,
      'text-anchor="middle" font-size="13" fill="#1f2328"',
    ),
    text(
      18,
      middleY,
      `${model.yName} →`,
      `text-anchor="middle" font-size="13" fill="#1f2328" transform="rotate(-90 18 ${middleY})"`,
    ),
  );
  for (const point of model.points) {
    parts.push(
      `<circle cx="${point.x}" cy="${point.y}" r="${POINT_RADIUS}" fill="${point.colour}" stroke="#ffffff" stroke-width="2"/>`,
      `<text x="${point.label.x}" y="${point.label.y}" font-size="13" fill="#1f2328">${point.label.lines
        .map(
          (line, index) =>
            `<tspan x="${point.label.x}" dy="${index === 0 ? 0 : LINE_HEIGHT}">${escapeXml(line)}</tspan>`,
        )
        .join('')}</text>`,
    );
  }
  for (const entry of model.legend)
    parts.push(
      `<circle cx="${entry.x + 5}" cy="${entry.y - 4}" r="5" fill="${entry.colour}"/>`,
      text(entry.x + 15, entry.y, entry.label, 'font-size="12" fill="#1f2328"'),
    );
  parts.push('</svg>');
  return parts.join('\n');
}
