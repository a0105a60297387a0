import mammoth from 'mammoth';
import MarkdownIt from 'markdown-it';
import type { DocumentJson } from '../../../shared/editor/schema';
import { documentFromJson } from '../../../shared/editor/schema';
import type { ImportFormat, ImportPreview } from '../../../shared/documents';
import { AxialError } from '../../../shared/errors';
import type { Block } from './blocks';
import { headerDate } from './headerDate';
import { blockText } from './blocks';
import { inflateZip, rebuiltArchive } from '../boundedZip';
import { decodeText } from './decodeText';
import type { TextEncoding } from './decodeText';
import { htmlToBlocks } from './htmlBlocks';
import { pdfBlocks } from './pdfBlocks';
import { subtitleBlocks } from './subtitleBlocks';
import { textToBlocks } from './textBlocks';
import { detectTurns, speakerCounts } from './turns';

export const MAX_TEXT_BYTES = 50 * 1024 * 1024;
const MAX_DOCX_BYTES = 200 * 1024 * 1024;
const MAX_DOCX_ENTRIES = 5000;

export interface ParsedImport {
  format: ImportFormat;
  encoding: TextEncoding | null;
  title: string;
  blocks: Block[];
  /** The interview's date from a header line ("Date : 14 mars 2024"), given to the document. */
  date: string | null;
  /** A PDF's pages, and those without text. */
  pages: { count: number; withoutText: number[] } | null;
  /** The file's bytes, for a format whose original is kept in the project (see `originalKept`). */
  original: Uint8Array | null;
}

const formatsByExtension: Record<string, ImportFormat> = {
  txt: 'txt',
  text: 'txt',
  docx: 'docx',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  srt: 'srt',
  vtt: 'vtt',
  pdf: 'pdf',
};

/** Formats whose file is kept in the project beside its text, to be read as it was printed. */
export const originalKept: Partial<Record<ImportFormat, string>> = { pdf: 'application/pdf' };

export function formatOf(fileName: string): ImportFormat {
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const format = formatsByExtension[extension];
  if (format) return format;
  const advice =
    extension === 'doc' || extension === 'odt' || extension === 'rtf'
      ? ` Open it in your word processor and save it as .docx (or .txt), then import that file.`
      : '';
  throw new AxialError(
    'unsupported_format',
    `"${fileName}" cannot be imported: Axial reads .txt, .docx, .pdf, .md, .html, .srt and .vtt files.${advice}`,
    { file: fileName, extension: extension || '—' },
  );
}

function titleOf(fileName: string): string {
  const base = fileName
    .replace(/^.*[\\/]/, '')
    .replace(/\.[^.]+$/, '')
    .trim();
  return base || fileName;
}

function tooLarge(fileName: string): AxialError {
  return new AxialError(
    'file_too_large',
    `"${fileName}" holds more than 50 MB of text, more than one document should. Split it into several files.`,
    { file: fileName },
  );
}

const MEGABYTE = 1024 * 1024;
/**
 * What Axial reads of a .docx, counted on the bytes actually inflated: the
 * document's XML (a two-hour transcript is a few megabytes of it), its styles
 * and lists. Pictures are never inflated.
 */
const DOCX_LIMITS = {
  entries: MAX_DOCX_ENTRIES,
  perEntry: (name: string) => (name === 'word/document.xml' ? 32 * MEGABYTE : 8 * MEGABYTE),
  total: 64 * MEGABYTE,
};

/**
 * Checks a .docx before the converter opens it: a zip whose text parts
 * inflate within their limits, measured as they inflate, so that a small file
 * that would unpack to gigabytes (a "zip bomb") is stopped at the limit; the
 * converter is given those parts alone, rebuilt into an archive.
 */
async function checkedDocxArchive(bytes: Uint8Array, fileName: string): Promise<Uint8Array> {
  const notWord = new AxialError(
    'invalid_file',
    `"${fileName}" is not a readable Word document. Open it in your word processor and save it again as .docx.`,
    { file: fileName, reason: 'notDocx' },
  );
  const outcome = inflateZip(
    bytes,
    (name) => name.endsWith('.xml') || name.endsWith('.rels'),
    DOCX_LIMITS,
  );
  if (!outcome.ok && (outcome.problem === 'entryTooLarge' || outcome.problem === 'tooLarge'))
    throw new AxialError(
      'file_too_large',
      `"${fileName}" was refused: its ${outcome.entry === 'word/document.xml' ? 'text unpacks to more than 32 MB' : 'parts unpack to more than 64 MB'}, far more than a transcript holds (it may be a "zip bomb"). Save it again from your word processor, or split it.`,
      {
        file: fileName,
        reason: 'docxTooLarge',
        limit: outcome.entry === 'word/document.xml' ? 32 : 64,
      },
    );
  if (!outcome.ok || !outcome.files.has('word/document.xml')) throw notWord;
  return rebuiltArchive(outcome.files);
}

/** Reads a file's bytes into blocks, with speakers and timestamps found. Nothing is stored. */
export async function parseImport(fileName: string, bytes: Uint8Array): Promise<ParsedImport> {
  const format = formatOf(fileName);
  if (bytes.length === 0) {
    throw new AxialError('invalid_file', `"${fileName}" is empty.`, {
      file: fileName,
      reason: 'empty',
    });
  }
  let blocks: Block[];
  let encoding: TextEncoding | null = null;
  let pages: ParsedImport['pages'] = null;
  if (format === 'pdf') {
    if (bytes.length > MAX_DOCX_BYTES) throw tooLarge(fileName);
    const read = await pdfBlocks(bytes, fileName);
    blocks = read.blocks;
    pages = { count: read.pages, withoutText: read.withoutText };
  } else if (format === 'docx') {
    if (bytes.length > MAX_DOCX_BYTES) throw tooLarge(fileName);
    // The converter reads only what was measured as it inflated.
    const checked = await checkedDocxArchive(bytes, fileName);
    let html: string;
    try {
      html = (
        await mammoth.convertToHtml(
          { buffer: Buffer.from(checked) },
          // Pictures are not imported: they are never read, nor carried into the HTML as data.
          { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
        )
      ).value;
    } catch {
      throw new AxialError(
        'invalid_file',
        `"${fileName}" is not a readable Word document. Open it in your word processor and save it again as .docx.`,
        { file: fileName, reason: 'notDocx' },
      );
    }
    if (html.length > MAX_TEXT_BYTES * 2) throw tooLarge(fileName);
    blocks = htmlToBlocks(html, fileName);
  } else {
    if (bytes.length > MAX_TEXT_BYTES) throw tooLarge(fileName);
    const decoded = decodeText(bytes, fileName);
    encoding = decoded.encoding;
    if (format === 'txt') blocks = textToBlocks(decoded.text);
    else if (format === 'srt' || format === 'vtt') blocks = subtitleBlocks(decoded.text);
    else if (format === 'md')
      blocks = htmlToBlocks(new MarkdownIt({ html: false }).render(decoded.text), fileName);
    else blocks = htmlToBlocks(decoded.text, fileName);
  }
  blocks = detectTurns(blocks);
  if (blocks.every((block) => blockText(block).trim() === '')) {
    throw new AxialError('invalid_file', `"${fileName}" has no text to import.`, {
      file: fileName,
      reason: 'noText',
    });
  }
  const characters = blocks.reduce((total, block) => total + blockText(block).length + 1, 0);
  if (characters > MAX_TEXT_BYTES) throw tooLarge(fileName);
  return {
    format,
    encoding,
    title: titleOf(fileName),
    blocks,
    date: headerDate(blocks),
    pages,
    original: originalKept[format] ? bytes : null,
  };
}

export function previewOf(
  fileName: string,
  parsed: ParsedImport,
): Omit<ImportPreview, 'duplicate' | 'participantMatches'> {
  return {
    fileName,
    format: parsed.format,
    encoding: parsed.encoding,
    title: parsed.title,
    paragraphs: parsed.blocks.length,
    characters: parsed.blocks.reduce((total, block) => total + [...blockText(block)].length, 0),
    speakers: speakerCounts(parsed.blocks),
    timestamps: parsed.blocks.filter((block) => block.time !== undefined).length,
    date: parsed.date,
    pages: parsed.pages,
    excerpt: parsed.blocks
      .slice(0, 3)
      .map((block) => (block.speaker ? `${block.speaker}: ` : '') + blockText(block))
      .join('\n')
      .slice(0, 400),
  };
}

/**
 * Blocks → the editor's JSON. `speakers` renames labels (to a new name) or
 * rejects them (null: the label goes back into the text).
 */
export function blocksToDocument(
  blocks: Block[],
  speakers: Record<string, string | null>,
): DocumentJson {
  const content: unknown[] = [];
  let openList: { type: 'bulletList' | 'orderedList'; content: unknown[] } | null = null;
  for (const block of blocks) {
    const inlines = block.inlines.map((inline) => ({ ...inline }));
    let speaker: string | null = block.speaker ?? null;
    if (speaker !== null && Object.hasOwn(speakers, speaker)) {
      const renamed = speakers[speaker];
      if (renamed === null || renamed === undefined) {
        inlines.unshift({ text: block.speakerLabel ?? `${speaker}: ` });
        speaker = null;
      } else {
        speaker = renamed.trim() || speaker;
      }
    }
    const textContent = inlines
      .filter((inline) => inline.text !== '')
      .map((inline) => {
        const marks = [
          ...(inline.bold ? [{ type: 'bold' }] : []),
          ...(inline.italic ? [{ type: 'italic' }] : []),
        ];
        return marks.length
          ? { type: 'text', text: inline.text, marks }
          : { type: 'text', text: inline.text };
      });
    const body = textContent.length ? { content: textContent } : {};
    if (block.list) {
      const type = block.list === 'bullet' ? 'bulletList' : 'orderedList';
      if (!openList || openList.type !== type) {
        openList = { type, content: [] };
        content.push(openList);
      }
      openList.content.push({ type: 'listItem', content: [{ type: 'paragraph', ...body }] });
      continue;
    }
    openList = null;
    const page = block.page === undefined ? {} : { page: block.page };
    if (block.type === 'heading') {
      content.push({ type: 'heading', attrs: { level: block.level ?? 1, ...page }, ...body });
    } else {
      content.push({
        type: 'paragraph',
        attrs: { speaker, time: block.time ?? null, ...page },
        ...body,
      });
    }
  }
  const json: DocumentJson = {
    type: 'doc',
    content: content.length ? content : [{ type: 'paragraph' }],
  };
  documentFromJson(json);
  return json;
}
