import { AxialError } from '../../../shared/errors';
import { listCodes } from '../../store/codes';
import type { Db } from '../../store/database';
import { writeCodeTree } from './codeTree';
import { XmlWriter } from './xml';

export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

/** The codebook as a REFI-QDA .qdc, valid against the Codebook schema (memos stay behind: it has no notes). */
export function exportCodebookXml(db: Db, origin: string): string {
  const xml = new XmlWriter();
  xml.open('CodeBook', {
    xmlns: CODEBOOK_NAMESPACE,
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xsi:schemaLocation': `${CODEBOOK_NAMESPACE} http://schema.qdasoftware.org/versions/Codebook/v1.0/Codebook.xsd`,
    origin,
  });
  const codes = listCodes(db, { counts: false });
  // The schema requires at least one code.
  if (codes.length === 0)
    throw new AxialError(
      'invalid_operation',
      'The codebook is empty: there is nothing to export.',
      {
        reason: 'emptyCodebook',
      },
    );
  writeCodeTree(xml, codes, null);
  xml.close('CodeBook');
  return xml.toString();
}
