/** Types of require-node.cjs, plain JavaScript so that any Node can run it. */
export function minimumOf(range: string): string;
export function nodeVersionProblem(
  version: string,
  minimum: string,
  executable: string,
): string | null;
export function exitUnlessSupportedNode(minimum: string): void;
export function packageMinimum(): string;
