import { Extension } from '@tiptap/core';

/**
 * The page of the original a block was printed on (a PDF's), kept as an
 * attribute so that a passage cites "p. 12" and the plain text codings point
 * into is unchanged. A paragraph split with Enter stays on its page.
 */
export const PageNumber = Extension.create({
  name: 'pageNumber',
  addGlobalAttributes() {
    return [
      {
        types: ['paragraph', 'heading'],
        attributes: {
          page: {
            default: null,
            keepOnSplit: true,
            parseHTML: (element) => {
              const value = Number(element.getAttribute('data-page'));
              return Number.isInteger(value) && value > 0 ? value : null;
            },
            renderHTML: (attributes) =>
              typeof attributes.page === 'number' ? { 'data-page': String(attributes.page) } : {},
          },
        },
      },
    ];
  },
});
