import { useTranslation } from 'react-i18next';
import type { ReportContent, ReportPart } from '../../../shared/report';

function Notes({ notes }: { notes: readonly string[] }) {
  const { t } = useTranslation();
  return notes.map((note) => (
    <p key={note} className="report-note">
      <em>{t('report.noteWord')}</em> {note}
    </p>
  ));
}

function Part({ part }: { part: ReportPart }) {
  switch (part.kind) {
    case 'heading':
      return <h2>{part.text}</h2>;
    case 'notice':
      return (
        <p className="report-notice" role="note">
          {part.text}
        </p>
      );
    case 'table':
      return (
        <figure className="report-table">
          <figcaption>
            <strong>{part.label}.</strong> {part.caption}
          </figcaption>
          <table>
            <thead>
              <tr>
                {part.head.map((text, index) => (
                  <th key={index} scope="col">
                    {text}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {part.rows.map((row, rowIndex) => (
                <tr key={rowIndex}>
                  {row.map((cell, index) => (
                    <td
                      key={index}
                      colSpan={cell.columnSpan}
                      title={cell.title}
                      className={cell.strong ? 'strong' : undefined}
                      style={
                        cell.indent ? { paddingInlineStart: `${0.5 + cell.indent}em` } : undefined
                      }
                    >
                      {cell.text}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <Notes notes={part.notes} />
        </figure>
      );
    case 'quotations':
      return (
        <section className="report-quotations">
          <h3>{part.caption}</h3>
          {part.groups.map((group) => (
            <div key={group.code}>
              <h4>{group.code}</h4>
              {group.quotations.map((quotation, index) => (
                <blockquote key={index}>
                  {quotation.text} <cite>({quotation.reference})</cite>
                </blockquote>
              ))}
            </div>
          ))}
          <Notes notes={part.notes} />
        </section>
      );
    case 'figure':
      return (
        <figure className="report-figure">
          <figcaption>
            <strong>{part.label}.</strong> {part.caption}
          </figcaption>
          <img
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(part.svg)}`}
            alt={part.caption}
            width={part.width}
            height={part.height}
          />
          <Notes notes={part.notes} />
        </figure>
      );
  }
}

/** The report as it will print and as Word will show it: the same parts, read from the project now. */
export function ReportPreview({ content }: { content: ReportContent }) {
  const { t } = useTranslation();
  return (
    <article className="report-preview" lang={content.language} aria-label={t('report.preview')}>
      <h1>{content.title}</h1>
      {content.parts.map((part, index) => (
        <Part key={`${part.blockId}-${index}`} part={part} />
      ))}
    </article>
  );
}
