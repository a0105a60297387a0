import type { Language, PathPurpose } from '../../shared/domain';
import type { Result } from '../../shared/errors';

/**
 * What travels between the host (Electron's main process, the web host) and the
 * core's thread. Arguments stay `unknown`: the core's dispatcher checks them
 * against the contract's schemas exactly as it does for IPC and HTTP.
 */
export type ToCore =
  | { kind: 'call'; id: number; method: unknown; input: unknown }
  | { kind: 'media'; id: number; recordingId: string; range: string | null }
  /** The host is ready for a media answer's next chunk (flow control: one chunk in flight). */
  | { kind: 'mediaPull'; id: number }
  | { kind: 'mediaCancel'; id: number }
  | { kind: 'hostReply'; id: number; value: string | null }
  | { kind: 'shutdown' };

export type FromCore =
  | { kind: 'ready' }
  | { kind: 'result'; id: number; result: Result<unknown> }
  | { kind: 'mediaHead'; id: number; status: number; headers: Record<string, string> }
  /** A chunk of a media answer, or null when it is complete. */
  | { kind: 'mediaChunk'; id: number; bytes: Uint8Array | null }
  | { kind: 'hostRequest'; id: number; purpose: PathPurpose; suggestedName: string | undefined }
  | { kind: 'languageChanged'; language: Language }
  | { kind: 'projectChanged'; title: string | null }
  | { kind: 'closed' };

/** The part of a worker's port (or a MessagePort) both ends use; both fit it. */
export interface PortLike {
  postMessage(message: unknown, transferList?: readonly ArrayBuffer[]): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
}

/** What the host tells the core about itself when it starts it: plain data only. */
export interface CoreWorkerData {
  role: 'core';
  userDataDir: string;
  kind: 'electron' | 'web';
  version: string;
  defaultProjectFolder: string;
  demoDir?: string;
  /** The host answers `hostRequest`s with a native dialog. */
  nativeDialogs: boolean;
}
