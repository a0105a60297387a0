import Bold from '@tiptap/extension-bold';
import Document from '@tiptap/extension-document';
import Heading from '@tiptap/extension-heading';
import Italic from '@tiptap/extension-italic';
import { BulletList, ListItem, OrderedList } from '@tiptap/extension-list';
import Text from '@tiptap/extension-text';
import { PageNumber } from './pageNumber';
import { Turn } from './turn';

/**
 * The document model every transcript and document follows, in the editor and
 * in the main process alike: turns (paragraphs), headings, lists, bold, italic, and the page each
 * block came from.
 * Anything an import brings is reduced to this.
 */
export const documentExtensions = [
  Document,
  Turn,
  Text,
  Heading.configure({ levels: [1, 2, 3] }),
  Bold,
  Italic,
  BulletList,
  OrderedList,
  ListItem,
  PageNumber,
];
