import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { CodeNode } from '../../shared/documents';
import type { GuideDetail } from '../../shared/guides';

/** The interviewer's sheet as a Word document: numbered questions, their prompts, notes, and room to write. */
export async function guideToDocx(
  guide: GuideDetail,
  codes: readonly CodeNode[],
  labels: { version: string; informs: string; minutes: string },
): Promise<Uint8Array> {
  const codeNames = new Map(codes.map((code) => [code.id, code.name]));
  const paragraphs: Paragraph[] = [
    new Paragraph({ text: guide.title, heading: HeadingLevel.TITLE }),
    new Paragraph({
      children: [new TextRun({ text: `${labels.version} ${guide.versionLabel}`, italics: true })],
    }),
  ];
  if (guide.changeNote)
    paragraphs.push(
      new Paragraph({ children: [new TextRun({ text: guide.changeNote, italics: true })] }),
    );
  for (const item of guide.items) {
    if (item.kind === 'section') {
      paragraphs.push(
        new Paragraph({
          text: item.text,
          heading: HeadingLevel.HEADING_1,
          spacing: { before: 300 },
        }),
      );
      continue;
    }
    if (item.kind === 'question') {
      const details = [
        item.durationMinutes !== null ? `${item.durationMinutes} ${labels.minutes}` : '',
        item.codeIds.length
          ? `${labels.informs} ${item.codeIds.map((id) => codeNames.get(id) ?? '').join(', ')}`
          : '',
      ].filter(Boolean);
      paragraphs.push(
        new Paragraph({
          spacing: { before: 240 },
          children: [
            new TextRun({ text: `${item.number}. `, bold: true }),
            new TextRun({ text: item.text, bold: true }),
          ],
        }),
      );
      if (details.length)
        paragraphs.push(
          new Paragraph({
            children: [new TextRun({ text: details.join(' · '), italics: true, size: 18 })],
          }),
        );
      if (item.note)
        paragraphs.push(
          new Paragraph({ children: [new TextRun({ text: item.note, italics: true })] }),
        );
    } else {
      paragraphs.push(
        new Paragraph({
          indent: { left: 567 },
          children: [new TextRun({ text: `${item.number} ` }), new TextRun({ text: item.text })],
        }),
      );
    }
    // Room for the interviewer's notes.
    paragraphs.push(new Paragraph({ text: '' }), new Paragraph({ text: '' }));
  }
  const document = new Document({
    creator: 'Axial',
    title: guide.title,
    sections: [{ children: paragraphs }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
