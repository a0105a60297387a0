/** The drag-and-drop type a code carries, from the codebook to the text or to another code. */
export const CODE_DRAG_TYPE = 'application/x-axial-code';
