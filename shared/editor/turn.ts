import Paragraph from '@tiptap/extension-paragraph';
import { formatTime } from '../text/time';

/**
 * A paragraph that can be a speaker's turn: `speaker` names who speaks and
 * `time` (milliseconds) is where the turn starts in the recording. Both are
 * attributes, so they are not part of the plain text codings point into.
 */
export const Turn = Paragraph.extend({
  addAttributes() {
    return {
      // A new paragraph made with Enter continues the turn: no label, no time of its own.
      speaker: {
        default: null,
        keepOnSplit: false,
        parseHTML: (element) => element.getAttribute('data-speaker') || null,
        renderHTML: (attributes) =>
          attributes.speaker ? { 'data-speaker': String(attributes.speaker) } : {},
      },
      time: {
        default: null,
        keepOnSplit: false,
        parseHTML: (element) => {
          const value = Number(element.getAttribute('data-time'));
          return Number.isFinite(value) && element.hasAttribute('data-time') ? value : null;
        },
        renderHTML: (attributes) =>
          typeof attributes.time === 'number'
            ? {
                'data-time': String(attributes.time),
                'data-time-label': formatTime(attributes.time),
              }
            : {},
      },
    };
  },
});
