// The type only: an export (on a thread of its own) reads no extension and loads no schema library.
export type { AxialExtension } from './axialExtensionSchema';

/** Where Axial keeps, inside a .qdpx, what project.qde has no element for; other tools ignore the file. */
export const AXIAL_EXTENSION_PATH = 'axial/extension.json';
