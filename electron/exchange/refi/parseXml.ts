import { AxialError } from '../../../shared/errors';
import type {
  RefiCase,
  RefiCode,
  RefiCoding,
  RefiProject,
  RefiSelection,
  RefiSource,
  RefiValue,
  RefiValueType,
  RefiVariable,
} from './model';
import { normaliseGuid } from './guid';
import type { XmlNode } from './xmlTree';
import { xmlTree } from './xmlTree';
import type { ExchangeWarning } from '../../../shared/exchange';
import { DESCRIPTION_LIMIT, MEMO_LIMIT, NAME_LIMIT } from '../../../shared/limits';

/**
 * What reading a file left out or shortened: every item dropped or cut is
 * listed in the import's report, never lost without a word.
 */
export class ReadNotes {
  readonly warnings: ExchangeWarning[] = [];
  private readonly seen = new Set<string>();

  add(kind: ExchangeWarning['kind'], item: string): void {
    const key = `${kind}\u0000${item}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.warnings.push({ kind, item });
  }

  /** `text` within `limit` characters; a longer one is cut and noted. */
  within(text: string, limit: number): string {
    if (text.length <= limit) return text;
    this.add('truncated', Array.from(text.slice(0, 60)).join(''));
    return Array.from(text).slice(0, limit).join('');
  }
}

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * XML's five named entities and its numeric character references, decoded in
 * one pass (QualCoder writes every apostrophe as `&#x27;`): a reference that
 * names no character Unicode allows becomes U+FFFD rather than a broken string.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));/g,
    (_whole, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (name) return named[name]!;
      const code = decimal !== undefined ? Number(decimal) : parseInt(hex!, 16);
      const allowed =
        code === 0x9 ||
        code === 0xa ||
        code === 0xd ||
        (code >= 0x20 && code <= 0xd7ff) ||
        (code >= 0xe000 && code <= 0xfffd) ||
        (code >= 0x10000 && code <= 0x10ffff);
      return allowed ? String.fromCodePoint(code) : '\ufffd';
    },
  );
}

/**
 * CDATA sections as the escaped text they stand for: the parser then decodes
 * every text once, and a CDATA's "&amp;" stays "&amp;" (decoding it would move
 * every selection of an inline source), in its place among the other text.
 */
function withoutCdata(xml: string): string {
  if (!xml.includes('<![CDATA[')) return xml;
  return xml.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_section, content: string) =>
    content.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
  );
}

/** Text of XML bytes: UTF-8 or UTF-16 by their byte order mark, the mark removed. */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/**
 * Parses XML that came from outside. A document type declaration is refused
 * outright: the standard never uses one, and it is how entity expansion and
 * external entity attacks are carried.
 */
export function parseXml(text: string, fileName: string): XmlNode {
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text))
    throw new AxialError(
      'invalid_file',
      `"${fileName}" declares a document type or entities, which Axial refuses for safety. Export it again from the other program.`,
      { file: fileName, reason: 'xmlEntities' },
    );
  const body = text.replace(/^\ufeff/, '');
  const badXml = (detail: string) =>
    new AxialError('invalid_file', `"${fileName}" is not well-formed XML: ${detail}`, {
      file: fileName,
      reason: 'badXml',
    });
  // A damaged file must not half-import: its structure is checked as it is read.
  const tree = xmlTree(withoutCdata(body), decodeEntities);
  if (!tree.ok) throw badXml(tree.detail);
  return tree.document;
}

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function child(node: unknown, name: string): XmlNode | undefined {
  if (!isNode(node)) return undefined;
  const value = node[name];
  const first = Array.isArray(value) ? value[0] : value;
  if (isNode(first)) return first;
  // An element with no attributes and no children is parsed as its (possibly empty) text.
  return typeof first === 'string' ? { '#text': first } : undefined;
}

export function children(node: unknown, name: string): XmlNode[] {
  if (!isNode(node)) return [];
  const value = node[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((item) =>
    isNode(item) ? item : { '#text': typeof item === 'string' ? item : '' },
  );
}

export function attribute(node: XmlNode | undefined, name: string): string | null {
  const value = node?.[`@${name}`];
  return typeof value === 'string' ? value : null;
}

export function textOf(node: XmlNode | undefined): string {
  const value = node?.['#text'];
  return typeof value === 'string' ? value : '';
}

/** "#RRGGBB", from "#rgb", "#RRGGBB" or "rgb(r, g, b)"; null for anything else. */
export function parseColour(value: string | null): string | null {
  if (!value) return null;
  const text = value.trim();
  const hex = /^#([0-9a-f]{6})$/i.exec(text);
  if (hex) return `#${hex[1]!.toUpperCase()}`;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(text);
  if (short)
    return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toUpperCase();
  const rgb = /^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,[^)]*)?\)$/i.exec(text);
  if (rgb) {
    const parts = rgb.slice(1, 4).map((part) => Math.min(255, Number(part)));
    return `#${parts.map((part) => part.toString(16).padStart(2, '0')).join('')}`.toUpperCase();
  }
  return null;
}

const noteRefs = (node: XmlNode) =>
  children(node, 'NoteRef')
    .map((ref) => normaliseGuid(attribute(ref, 'targetGUID')))
    .filter((guid): guid is string => guid !== null);

export function parseCodes(codesNode: XmlNode | undefined, notes: ReadNotes): RefiCode[] {
  return children(codesNode, 'Code').flatMap((node): RefiCode[] => {
    const guid = normaliseGuid(attribute(node, 'guid'));
    const name = attribute(node, 'name')?.trim();
    if (!guid || !name) {
      notes.add('badIdentifier', name || attribute(node, 'guid') || 'Code');
      return [];
    }
    return [
      {
        guid,
        name: notes.within(name, NAME_LIMIT),
        codable: attribute(node, 'isCodable') !== 'false' && attribute(node, 'isCodable') !== '0',
        colour: parseColour(attribute(node, 'color')),
        description: notes.within(textOf(child(node, 'Description')), DESCRIPTION_LIMIT),
        noteGuids: noteRefs(node),
        children: parseCodes(node, notes),
      },
    ];
  });
}

const valueElements: [string, RefiValueType][] = [
  ['TextValue', 'Text'],
  ['BooleanValue', 'Boolean'],
  ['IntegerValue', 'Integer'],
  ['FloatValue', 'Float'],
  ['DateValue', 'Date'],
  ['DateTimeValue', 'DateTime'],
];

function parseValues(node: XmlNode): RefiValue[] {
  return children(node, 'VariableValue').flatMap((value): RefiValue[] => {
    const variableGuid = normaliseGuid(attribute(child(value, 'VariableRef'), 'targetGUID'));
    if (!variableGuid) return [];
    for (const [element, type] of valueElements) {
      const found = child(value, element);
      if (found) return [{ variableGuid, type, value: textOf(found).trim() }];
    }
    return [];
  });
}

function parseCodings(node: XmlNode): RefiCoding[] {
  return children(node, 'Coding').flatMap((coding): RefiCoding[] => {
    const codeGuid = normaliseGuid(attribute(child(coding, 'CodeRef'), 'targetGUID'));
    if (!codeGuid) return [];
    return [
      {
        codeGuid,
        userGuid: normaliseGuid(attribute(coding, 'creatingUser')),
        created: attribute(coding, 'creationDateTime'),
        noteGuids: noteRefs(coding),
      },
    ];
  });
}

function parseSource(node: XmlNode, kind: RefiSource['kind'], notes: ReadNotes): RefiSource | null {
  const guid = normaliseGuid(attribute(node, 'guid'));
  if (!guid) {
    notes.add('badIdentifier', attribute(node, 'name') ?? 'Source');
    return null;
  }
  const content = child(node, 'PlainTextContent');
  const name = notes.within(attribute(node, 'name')?.trim() || guid, 300);
  return {
    guid,
    name,
    kind,
    plainTextPath: attribute(node, 'plainTextPath'),
    plainTextContent: content ? textOf(content) : null,
    description: notes.within(textOf(child(node, 'Description')), DESCRIPTION_LIMIT),
    selections: children(node, 'PlainTextSelection').flatMap((selection): RefiSelection[] => {
      const selectionGuid = normaliseGuid(attribute(selection, 'guid'));
      const start = Number(attribute(selection, 'startPosition'));
      const end = Number(attribute(selection, 'endPosition'));
      if (!selectionGuid) {
        notes.add(
          'badIdentifier',
          `${name}: ${attribute(selection, 'guid') ?? 'PlainTextSelection'}`,
        );
        return [];
      }
      if (!Number.isInteger(start) || !Number.isInteger(end)) {
        notes.add('badSelection', name);
        return [];
      }
      return [
        {
          guid: selectionGuid,
          description: notes.within(textOf(child(selection, 'Description')), MEMO_LIMIT),
          start,
          end,
          userGuid: normaliseGuid(attribute(selection, 'creatingUser')),
          created: attribute(selection, 'creationDateTime'),
          codings: parseCodings(selection),
          noteGuids: noteRefs(selection),
        },
      ];
    }),
    codings: parseCodings(node),
    noteGuids: noteRefs(node),
    values: parseValues(node),
    created: attribute(node, 'creationDateTime'),
    modified: attribute(node, 'modifiedDateTime'),
  };
}

const variableTypes = new Set<RefiValueType>([
  'Text',
  'Boolean',
  'Integer',
  'Float',
  'Date',
  'DateTime',
]);

/** A project.qde as a RefiProject; what cannot be read is left out here and reported by the importer. */
export function parseProjectXml(text: string, fileName: string): RefiProject {
  const read = new ReadNotes();
  const root = child(parseXml(text, fileName), 'Project');
  if (
    !root ||
    (attribute(root, 'name') === null && !child(root, 'Sources') && !child(root, 'CodeBook'))
  )
    throw new AxialError(
      'invalid_file',
      `"${fileName}" is not a REFI-QDA project: its XML has no Project element.`,
      { file: fileName, reason: 'notQdpx' },
    );
  const users = new Map<string, string>();
  for (const user of children(child(root, 'Users'), 'User')) {
    const guid = normaliseGuid(attribute(user, 'guid'));
    if (guid) users.set(guid, attribute(user, 'name') || attribute(user, 'id') || guid);
  }
  const variables = children(child(root, 'Variables'), 'Variable').flatMap(
    (node): RefiVariable[] => {
      const guid = normaliseGuid(attribute(node, 'guid'));
      const name = attribute(node, 'name')?.trim();
      const type = attribute(node, 'typeOfVariable') as RefiValueType | null;
      if (!guid || !name) {
        read.add('badIdentifier', name || 'Variable');
        return [];
      }
      return [
        {
          guid,
          name: read.within(name, NAME_LIMIT),
          type: type && variableTypes.has(type) ? type : 'Text',
          description: textOf(child(node, 'Description')),
        },
      ];
    },
  );
  const cases = children(child(root, 'Cases'), 'Case').flatMap((node): RefiCase[] => {
    const guid = normaliseGuid(attribute(node, 'guid'));
    if (!guid) {
      read.add('badIdentifier', attribute(node, 'name') ?? 'Case');
      return [];
    }
    return [
      {
        guid,
        name: read.within(attribute(node, 'name')?.trim() || guid, NAME_LIMIT),
        description: read.within(textOf(child(node, 'Description')), DESCRIPTION_LIMIT),
        values: parseValues(node),
        sourceGuids: children(node, 'SourceRef')
          .map((ref) => normaliseGuid(attribute(ref, 'targetGUID')))
          .filter((target): target is string => target !== null),
      },
    ];
  });
  const sourcesNode = child(root, 'Sources');
  const sources: RefiSource[] = [];
  for (const node of children(sourcesNode, 'TextSource')) {
    const source = parseSource(node, 'text', read);
    if (source) sources.push(source);
  }
  for (const element of ['PictureSource', 'PDFSource', 'AudioSource', 'VideoSource']) {
    for (const node of children(sourcesNode, element)) {
      const source = parseSource(node, 'other', read);
      if (source) sources.push(source);
    }
  }
  const notes = new Map<string, { name: string; text: string }>();
  for (const note of children(child(root, 'Notes'), 'Note')) {
    const guid = normaliseGuid(attribute(note, 'guid'));
    if (guid)
      notes.set(guid, {
        name: attribute(note, 'name') ?? '',
        text: textOf(child(note, 'PlainTextContent')),
      });
  }
  return {
    name: read.within(attribute(root, 'name')?.trim() || fileName.replace(/\.[^.]+$/, ''), 200),
    description: read.within(textOf(child(root, 'Description')), DESCRIPTION_LIMIT),
    origin: attribute(root, 'origin'),
    warnings: read.warnings,
    users,
    codes: parseCodes(child(child(root, 'CodeBook'), 'Codes'), read),
    variables,
    cases,
    sources,
    notes,
  };
}

/** A .qdc file's codes, and what reading them left out or shortened. */
export function parseCodebookXml(
  text: string,
  fileName: string,
): { codes: RefiCode[]; warnings: ExchangeWarning[] } {
  const notes = new ReadNotes();
  const root = child(parseXml(text, fileName), 'CodeBook');
  const codes = parseCodes(child(root, 'Codes'), notes);
  if (!root || codes.length === 0)
    throw new AxialError(
      'invalid_file',
      `"${fileName}" is not a REFI-QDA codebook (.qdc): it holds no codes.`,
      { file: fileName, reason: 'notQdc' },
    );
  return { codes, warnings: notes.warnings };
}
