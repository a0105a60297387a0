import { foldText } from '../../../shared/attributeValues';
import { createCode, listCodes, updateCode } from '../../store/codes';
import type { Db } from '../../store/database';
import type { ChangeSet } from '../../store/journal';
import type { RefiCode } from './model';

export interface CodebookImportResult {
  added: number;
  /** Codes already in the project under the same name and parent: kept, their description filled if empty. */
  matched: number;
}

/**
 * Adds a codebook's codes to the open project, inside the caller's undoable
 * action. A code whose name (accents and case aside) already exists under the
 * same parent is the same code: it is not duplicated.
 */
export function importCodebookInto(
  db: Db,
  changes: ChangeSet,
  codes: readonly RefiCode[],
): CodebookImportResult {
  const existing = listCodes(db, { counts: false });
  const result: CodebookImportResult = { added: 0, matched: 0 };
  const walk = (list: readonly RefiCode[], parentId: string | null) => {
    for (const code of list) {
      const found = existing.find(
        (candidate) =>
          candidate.parentId === parentId && foldText(candidate.name) === foldText(code.name),
      );
      let id: string;
      if (found) {
        id = found.id;
        result.matched += 1;
        if (!found.description && code.description)
          updateCode(db, changes, id, { description: code.description });
      } else {
        id = createCode(db, changes, {
          parentId,
          name: code.name,
          ...(code.colour ? { colour: code.colour } : {}),
          description: code.description,
          codable: code.codable,
        });
        result.added += 1;
      }
      walk(code.children, id);
    }
  };
  walk(codes, null);
  return result;
}
