/**
 * Code colours: the Okabe–Ito palette, chosen to stay distinguishable for the
 * common forms of colour blindness, then lighter and darker variants of it.
 */
export const codePalette = [
  '#E69F00',
  '#56B4E9',
  '#009E73',
  '#F0E442',
  '#0072B2',
  '#D55E00',
  '#CC79A7',
  '#999999',
  '#B07800',
  '#2C8FCB',
  '#006B4F',
  '#C2B41F',
  '#004D7A',
  '#A34700',
  '#A3558A',
  '#666666',
] as const;

export function paletteColour(index: number): string {
  return codePalette[((index % codePalette.length) + codePalette.length) % codePalette.length]!;
}
