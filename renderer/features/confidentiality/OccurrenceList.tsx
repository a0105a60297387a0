import { useTranslation } from 'react-i18next';
import type { IdentifierOccurrence, IdentifierOccurrences } from '../../../shared/pseudonyms';
import { wordsAfter, writtenAlike } from '../../../shared/pseudonyms';

const fieldTables = [
  'document',
  'code',
  'coding',
  'study_case',
  'participant',
  'guide',
  'guide_item',
  'matrix_summary',
  'rating',
  'recording',
  'attribute',
  'attribute_value',
  'project',
] as const;

function Place({ occurrence }: { occurrence: IdentifierOccurrence }) {
  const { t } = useTranslation();
  const place = occurrence.place;
  if (place.kind === 'field') {
    const table = (fieldTables as readonly string[]).includes(place.table)
      ? t(`confidentiality.places.${place.table as (typeof fieldTables)[number]}`)
      : place.table;
    return <>{t('confidentiality.field', { table, label: place.label })}</>;
  }
  return (
    <>
      {place.documentTitle}
      {place.kind === 'speaker' &&
        ` (${t('confidentiality.speakerTurns', { count: occurrence.times ?? 1 })})`}
    </>
  );
}

function placeKey(occurrence: IdentifierOccurrence): string {
  const place = occurrence.place;
  const where =
    place.kind === 'text'
      ? `${place.documentId}:${place.start}:${place.end}`
      : place.kind === 'speaker'
        ? `${place.documentId}:${occurrence.text}`
        : `${place.table}:${place.id}:${place.column}:${occurrence.before.length}`;
  return `${occurrence.entryId}:${place.kind}:${where}`;
}

function Words({ occurrence }: { occurrence: IdentifierOccurrence }) {
  return (
    <>
      …{occurrence.before}
      <mark>{occurrence.text}</mark>
      {occurrence.after}…
    </>
  );
}

/**
 * Where the table's names are written, one by one: each occurrence in a text
 * can be left as written (a surname that is a word there, "Blanc" the
 * colour); those left are listed apart and can be replaced after all.
 */
export function OccurrenceList({
  found,
  realOf,
  pending,
  onLeave,
  onLeaveAlike,
  onReplace,
}: {
  found: IdentifierOccurrences;
  realOf: ReadonlyMap<string, string>;
  pending: boolean;
  onLeave: (occurrence: IdentifierOccurrence) => void;
  /** Every occurrence written like this one ("Petit à petit"), left in one step. */
  onLeaveAlike: (occurrence: IdentifierOccurrence) => void;
  onReplace: (leftId: string) => void;
}) {
  const { t } = useTranslation();
  const alike = (occurrence: IdentifierOccurrence) =>
    found.occurrences.filter((other) => writtenAlike(occurrence, other)).length;
  const head = (
    <thead>
      <tr>
        <th scope="col">{t('confidentiality.real')}</th>
        <th scope="col">{t('confidentiality.where')}</th>
        <th scope="col">{t('confidentiality.words')}</th>
        <th scope="col">
          <span className="sr-only">{t('confidentiality.choice')}</span>
        </th>
      </tr>
    </thead>
  );
  return (
    <>
      <p role="status">
        {found.total
          ? t('confidentiality.found', { count: found.total })
          : t('confidentiality.foundNone')}
        {found.total > found.occurrences.length &&
          ` ${t('confidentiality.shownFirst', { count: found.occurrences.length })}`}
        {found.left.length > 0 &&
          ` ${t('confidentiality.leftCount', { count: found.left.length })}`}
      </p>
      {found.occurrences.length > 0 && (
        <table aria-label={t('confidentiality.toReplace')}>
          {head}
          <tbody>
            {found.occurrences.map((occurrence) => (
              // Keyed by place: after a choice the rows below move up, and none may take another's button.
              <tr key={placeKey(occurrence)}>
                <td>{realOf.get(occurrence.entryId) ?? ''}</td>
                <td>
                  <Place occurrence={occurrence} />
                </td>
                <td>
                  <Words occurrence={occurrence} />
                </td>
                <td>
                  {occurrence.place.kind === 'text' && (
                    <div className="occurrence-choices">
                      <button
                        type="button"
                        disabled={pending}
                        title={t('confidentiality.leaveHint')}
                        aria-label={t('confidentiality.leaveNamed', {
                          words: `${occurrence.text}${occurrence.after}`.slice(0, 40),
                        })}
                        onClick={() => onLeave(occurrence)}
                      >
                        {t('confidentiality.leave')}
                      </button>
                      {alike(occurrence) > 1 && (
                        <button
                          type="button"
                          disabled={pending}
                          onClick={() => onLeaveAlike(occurrence)}
                        >
                          {/* Every one in the project, listed or not: no count that only the list knows. */}
                          {t('confidentiality.leaveAlike', {
                            words: `${occurrence.text} ${wordsAfter(occurrence)}`,
                          })}
                        </button>
                      )}
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {found.left.length > 0 && (
        <>
          <h3>{t('confidentiality.leftHeading')}</h3>
          <table aria-label={t('confidentiality.leftHeading')}>
            {head}
            <tbody>
              {found.left.map((occurrence) => (
                <tr key={occurrence.leftId}>
                  <td>{realOf.get(occurrence.entryId) ?? ''}</td>
                  <td>
                    <Place occurrence={occurrence} />
                  </td>
                  <td>
                    <Words occurrence={occurrence} />
                  </td>
                  <td>
                    <button
                      type="button"
                      disabled={pending}
                      aria-label={t('confidentiality.replaceNamed', {
                        words: `${occurrence.text}${occurrence.after}`.slice(0, 40),
                      })}
                      onClick={() => onReplace(occurrence.leftId!)}
                    >
                      {t('confidentiality.replaceAfterAll')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
