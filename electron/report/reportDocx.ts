import {
  AlignmentType,
  BuilderElement,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  XmlComponent,
} from 'docx';
import type { ReportCell, ReportContent, ReportPart } from '../../shared/report';
import { translator } from '../exchange/translator';
import { svgToPng } from './chartImage';
import { definesStyle } from './wordTemplate';

// Sizes in half-points, as Word counts them.
const BODY = 22;
const TABLE_TEXT = 18;
// A figure 15 cm wide: the text width of an A4 page with 3 cm margins, at 96 px to the inch.
const FIGURE_WIDTH = 567;

function cellOf(cell: ReportCell, header: boolean): TableCell {
  const paragraphs = cell.text.split('\n').map(
    (line) =>
      new Paragraph({
        indent: cell.indent ? { left: cell.indent * 283 } : undefined,
        children: [
          new TextRun({ text: line, bold: header || cell.strong === true, size: TABLE_TEXT }),
        ],
      }),
  );
  return new TableCell({
    children: paragraphs,
    ...(cell.columnSpan ? { columnSpan: cell.columnSpan } : {}),
    ...(header ? { shading: { fill: 'EDEFF2' } } : {}),
  });
}

class FieldInstruction extends XmlComponent {
  constructor(instruction: string) {
    super('w:instrText');
    this.root.push(instruction);
  }
}

function fieldCharacter(type: 'begin' | 'separate' | 'end'): TextRun {
  return new TextRun({
    children: [
      new BuilderElement<{ type: string }>({
        name: 'w:fldChar',
        attributes: { type: { key: 'w:fldCharType', value: type } },
      }),
    ],
  });
}

/**
 * "Table 2. Participants", numbered by a SEQ field as Word writes its own
 * captions (a complex field, its number written as its result), so a list of
 * tables built in Word finds them and readers that compute no field still
 * read the number.
 */
function caption(word: string, number: number, text: string): Paragraph {
  return new Paragraph({
    style: 'Caption',
    keepNext: true,
    children: [
      new TextRun(`${word} `),
      fieldCharacter('begin'),
      new TextRun({ children: [new FieldInstruction(`SEQ ${word} \\* ARABIC`)] }),
      fieldCharacter('separate'),
      new TextRun(String(number)),
      fieldCharacter('end'),
      new TextRun(`. ${text}`),
    ],
  });
}

function notes(texts: readonly string[], noteWord: string): Paragraph[] {
  return texts.map(
    (text) =>
      new Paragraph({
        style: 'TableNote',
        children: [new TextRun({ text: `${noteWord} `, italics: true }), new TextRun(text)],
      }),
  );
}

/**
 * The report as a Word document: Word's own styles, real tables, the chart
 * as an image. With a template's styles, those it defines are its own (its
 * captions, its quotations), the report's only fill what it lacks.
 */
export async function reportToDocx(
  content: ReportContent,
  templateStyles?: string,
): Promise<Uint8Array> {
  const t = translator(content.language);
  const body: (Paragraph | Table)[] = [
    new Paragraph({ text: content.title, heading: HeadingLevel.TITLE }),
  ];
  const write = async (part: ReportPart) => {
    switch (part.kind) {
      case 'heading':
        body.push(new Paragraph({ text: part.text, heading: HeadingLevel.HEADING_1 }));
        return;
      case 'notice':
        // A block that cannot be drawn is said in the preview and before the export, not written.
        return;
      case 'table': {
        body.push(caption(t('report.tableWord'), part.number, part.caption));
        body.push(
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({
                tableHeader: true,
                children: part.head.map((text) => cellOf({ text }, true)),
              }),
              ...part.rows.map(
                (row) =>
                  new TableRow({
                    cantSplit: true,
                    children: row.map((cell) => cellOf(cell, false)),
                  }),
              ),
            ],
          }),
        );
        body.push(...notes(part.notes, t('report.noteWord')));
        return;
      }
      case 'quotations':
        body.push(new Paragraph({ text: part.caption, heading: HeadingLevel.HEADING_2 }));
        for (const group of part.groups) {
          body.push(new Paragraph({ text: group.code, heading: HeadingLevel.HEADING_3 }));
          for (const quotation of group.quotations)
            body.push(
              new Paragraph({
                style: 'Quote',
                children: [
                  new TextRun(quotation.text),
                  new TextRun({ text: ` (${quotation.reference})`, italics: false }),
                ],
              }),
            );
        }
        body.push(...notes(part.notes, t('report.noteWord')));
        return;
      case 'figure': {
        const png = await svgToPng(part.svg);
        const height = Math.round((FIGURE_WIDTH * part.height) / part.width);
        body.push(caption(t('report.figureWord'), part.number, part.caption));
        body.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            keepNext: part.notes.length > 0,
            children: [
              new ImageRun({
                type: 'svg',
                data: new TextEncoder().encode(part.svg),
                fallback: { type: 'png', data: png },
                transformation: { width: FIGURE_WIDTH, height },
                altText: { name: part.label, title: part.caption, description: part.caption },
              }),
            ],
          }),
        );
        body.push(...notes(part.notes, t('report.noteWord')));
        return;
      }
    }
  };
  for (const part of content.parts) await write(part);
  const ownStyles = [
    {
      id: 'Caption',
      name: 'caption',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { bold: true, size: 20 },
      paragraph: { spacing: { before: 360, after: 120 } },
    },
    {
      id: 'Quote',
      name: 'Quote',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { italics: true },
      paragraph: { indent: { left: 567, right: 567 }, spacing: { before: 120, after: 120 } },
    },
    {
      id: 'TableNote',
      name: 'Table note',
      basedOn: 'Normal',
      next: 'Normal',
      run: { size: 18 },
      paragraph: { spacing: { before: 60, after: 240 } },
    },
  ].filter((style) => !templateStyles || !definesStyle(templateStyles, style.id));
  const document = new Document({
    creator: 'Axial',
    title: content.title,
    ...(templateStyles ? { externalStyles: templateStyles } : {}),
    styles: {
      // The document's language, for Word's spelling and hyphenation; a template keeps its own defaults.
      ...(templateStyles
        ? {}
        : {
            default: {
              document: {
                run: {
                  size: BODY,
                  language: { value: content.language === 'fr' ? 'fr-FR' : 'en-GB' },
                },
              },
            },
          }),
      paragraphStyles: ownStyles,
    },
    sections: [
      {
        properties: {
          page: {
            // A4, 3 cm margins: as a French article's manuscript is asked for.
            size: { width: 11906, height: 16838 },
            margin: { top: 1701, bottom: 1701, left: 1701, right: 1701 },
          },
        },
        children: body,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
