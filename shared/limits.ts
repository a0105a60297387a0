/**
 * How long a name, a description, a memo or a value may be: the API refuses
 * longer ones, and every import applies the same limits, so nothing enters a
 * project by a file that could not be typed into it.
 */
export const NAME_LIMIT = 200;
export const DESCRIPTION_LIMIT = 20_000;
export const MEMO_LIMIT = 200_000;
export const VALUE_LIMIT = 10_000;
