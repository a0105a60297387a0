import { Parser, parseDocument } from 'htmlparser2';
import { AxialError } from '../../../shared/errors';
import type { Block, Inline } from './blocks';

type DomNode = ReturnType<typeof parseDocument>['children'][number];

const skipped = new Set([
  'script',
  'style',
  'head',
  'title',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
]);
const blockElements = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'blockquote',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'tr',
  'dt',
  'dd',
  'figcaption',
  'caption',
  'address',
]);

/** Deeper than any real page or Word document; the parser slows with the square of depth. */
export const MAX_HTML_DEPTH = 500;

class TooDeep extends Error {}

/**
 * Refuses HTML nested deeper than MAX_HTML_DEPTH before it is read into a
 * tree: a streaming pass that stops at the first element past the limit, so
 * a file of 200,000 nested elements costs milliseconds, not minutes.
 */
function refuseDeepNesting(html: string, fileName: string): void {
  let depth = 0;
  const parser = new Parser({
    onopentag: () => {
      depth += 1;
      if (depth > MAX_HTML_DEPTH) throw new TooDeep();
    },
    onclosetag: () => {
      depth -= 1;
    },
  });
  try {
    parser.write(html);
    parser.end();
  } catch (error) {
    if (!(error instanceof TooDeep)) throw error;
    throw new AxialError(
      'invalid_file',
      `"${fileName}" nests its elements more than ${MAX_HTML_DEPTH} deep, which no page or document does. Save it again from the program that made it, or as .txt.`,
      { file: fileName, reason: 'tooDeep', limit: MAX_HTML_DEPTH },
    );
  }
}

interface Style {
  bold: boolean;
  italic: boolean;
}

/**
 * HTML (from a web page, a Markdown file or a Word document) reduced to the
 * editor's schema: paragraphs, three heading levels, flat lists, bold and
 * italic. Scripts, styles, links, images and attributes are dropped.
 */
export function htmlToBlocks(html: string, fileName = 'This file'): Block[] {
  refuseDeepNesting(html, fileName);
  const document = parseDocument(html, { decodeEntities: true });
  const blocks: Block[] = [];
  let current: Block | null = null;

  const flush = () => {
    if (current && current.inlines.some((inline) => inline.text.trim() !== '')) {
      normaliseWhitespace(current);
      blocks.push(current);
    }
    current = null;
  };
  const open = (template: Omit<Block, 'inlines'>) => {
    flush();
    current = { ...template, inlines: [] };
  };
  const append = (text: string, style: Style) => {
    current ??= { type: 'paragraph', inlines: [] };
    const inline: Inline = { text };
    if (style.bold) inline.bold = true;
    if (style.italic) inline.italic = true;
    current.inlines.push(inline);
  };

  const walk = (
    nodes: DomNode[],
    style: Style,
    list: Block['list'] | undefined,
    preformatted: boolean,
  ) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        const text = preformatted ? node.data : node.data.replace(/\s+/g, ' ');
        if (preformatted && text.includes('\n')) {
          text.split('\n').forEach((line, index) => {
            if (index > 0) open({ type: 'paragraph' });
            if (line) append(line, style);
          });
        } else if (text) {
          append(text, style);
        }
        continue;
      }
      if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
      const name = node.name.toLowerCase();
      if (skipped.has(name)) continue;
      if (name === 'br') {
        open(current?.list ? { type: 'paragraph', list: current.list } : { type: 'paragraph' });
        continue;
      }
      const nextStyle = {
        bold: style.bold || name === 'b' || name === 'strong',
        italic: style.italic || name === 'i' || name === 'em',
      };
      if (name === 'ul' || name === 'ol') {
        flush();
        walk(node.children as DomNode[], style, name === 'ul' ? 'bullet' : 'ordered', preformatted);
        flush();
        continue;
      }
      if (name === 'td' || name === 'th') {
        if (current && current.inlines.length > 0) append('\t', style);
        walk(node.children as DomNode[], nextStyle, list, preformatted);
        continue;
      }
      if (blockElements.has(name)) {
        const heading = /^h([1-6])$/.exec(name);
        if (heading) {
          open({ type: 'heading', level: Math.min(Number(heading[1]), 3) as 1 | 2 | 3 });
        } else if (name === 'li') {
          open({ type: 'paragraph', list: list ?? 'bullet' });
        } else {
          open(list && current?.list ? { type: 'paragraph', list } : { type: 'paragraph' });
        }
        walk(node.children as DomNode[], nextStyle, list, preformatted || name === 'pre');
        flush();
        continue;
      }
      walk(node.children as DomNode[], nextStyle, list, preformatted);
    }
  };
  walk(document.children as DomNode[], { bold: false, italic: false }, undefined, false);
  flush();
  return blocks;
}

function normaliseWhitespace(block: Block): void {
  const merged: Inline[] = [];
  for (const inline of block.inlines) {
    const previous = merged.at(-1);
    if (previous && previous.bold === inline.bold && previous.italic === inline.italic)
      previous.text += inline.text;
    else merged.push({ ...inline });
  }
  if (merged[0]) merged[0].text = merged[0].text.replace(/^\s+/, '');
  const last = merged.at(-1);
  if (last) last.text = last.text.replace(/\s+$/, '');
  block.inlines = merged.filter((inline) => inline.text !== '');
}
