import type { MethodName } from './contract/api';
import type { Result } from './errors';

/** The object the Electron preload puts on `window.axial`; the renderer's IPC transport uses it. */
export interface AxialBridge {
  /** One function per API method; inputs are checked in the main process, not here. */
  api: Record<MethodName, (input: unknown) => Promise<Result<unknown>>>;
  onMenuCommand(listener: (command: string) => void): () => void;
}
