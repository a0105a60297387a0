import type { ReactNode } from 'react';
import type { Passage } from '../../shared/documents';

export interface PassageTarget {
  documentId: string;
  focus: { start: number; end: number };
}

/** Coded passages as a list: each opens its document at its words; `extra` adds a control after one. */
export function PassageList({
  passages,
  onOpen,
  extra,
}: {
  passages: readonly Passage[];
  onOpen: (target: PassageTarget) => void;
  extra?: (passage: Passage) => ReactNode;
}) {
  return (
    <ul className="matrix-passages">
      {passages.map((passage) => (
        <li key={passage.coding.id}>
          <button
            type="button"
            className="passage-open"
            onClick={() =>
              onOpen({
                documentId: passage.coding.documentId,
                focus: { start: passage.coding.start, end: passage.coding.end },
              })
            }
          >
            <span className="passage-text">{passage.text}</span>
            <span className="passage-meta">
              {passage.documentTitle}
              {passage.speaker ? ` · ${passage.speaker}` : ''}
            </span>
          </button>
          {extra?.(passage)}
        </li>
      ))}
    </ul>
  );
}
