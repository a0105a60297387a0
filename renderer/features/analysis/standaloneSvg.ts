/**
 * The chart's SVG as a file holds it: without the page's own attributes
 * (classes, roles, focus, ARIA, data-*), which other programs do not read.
 */
export function standaloneSvg(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  for (const element of [copy, ...copy.querySelectorAll('*')])
    for (const attribute of [...element.attributes])
      if (/^(class|role|tabindex|aria-.*|data-.*)$/.test(attribute.name))
        element.removeAttribute(attribute.name);
  return new XMLSerializer().serializeToString(copy);
}
