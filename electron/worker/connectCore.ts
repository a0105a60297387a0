import type { Language, PathPurpose } from '../../shared/domain';
import type { Result } from '../../shared/errors';
import type { Dispatch } from '../api/dispatcher';
import type { MediaAnswer } from '../media/mediaResponse';
import type { FromCore, PortLike, ToCore } from './coreMessages';

export interface HostHandlers {
  choosePath?: (purpose: PathPurpose, suggestedName: string | undefined) => Promise<string | null>;
  onLanguageChanged?: (language: Language) => void;
  onProjectChanged?: (title: string | null) => void;
}

/** The core as a host holds it when it runs on another thread: the same calls, answered later. */
export interface CoreConnection {
  dispatch: Dispatch;
  media(recordingId: string, range: string | null): Promise<MediaAnswer>;
  /** Resolves once the core has closed the project (its lock released, its file checkpointed). */
  shutdown(): Promise<void>;
  /** Every waiting call is answered with this error: the core's thread has stopped. */
  fail(message: string): void;
}

interface MediaWaiter {
  head: (answer: MediaAnswer) => void;
  chunk: ((bytes: Uint8Array | null) => void) | null;
}

const stopped = (message: string): Result<never> => ({
  ok: false,
  error: { code: 'internal', message },
});

/** The host's end of the port to the core's thread. */
export function connectCore(port: PortLike, handlers: HostHandlers = {}): CoreConnection {
  let nextId = 1;
  let failure: string | null = null;
  const calls = new Map<number, (result: Result<unknown>) => void>();
  const media = new Map<number, MediaWaiter>();
  let closed: (() => void) | null = null;
  const send = (message: ToCore) => port.postMessage(message);

  port.on('message', (raw) => {
    const message = raw as FromCore;
    switch (message.kind) {
      case 'result':
        calls.get(message.id)?.(message.result);
        calls.delete(message.id);
        return;
      case 'mediaHead':
        media.get(message.id)?.head({
          status: message.status as MediaAnswer['status'],
          headers: message.headers,
          body: chunks(message.id),
        });
        return;
      case 'mediaChunk': {
        const waiter = media.get(message.id);
        const resolve = waiter?.chunk;
        if (waiter) waiter.chunk = null;
        if (message.bytes === null) media.delete(message.id);
        resolve?.(message.bytes);
        return;
      }
      case 'hostRequest': {
        const choose = handlers.choosePath ?? (() => Promise.resolve(null));
        void choose(message.purpose, message.suggestedName).then(
          (value) => send({ kind: 'hostReply', id: message.id, value }),
          () => send({ kind: 'hostReply', id: message.id, value: null }),
        );
        return;
      }
      case 'languageChanged':
        handlers.onLanguageChanged?.(message.language);
        return;
      case 'projectChanged':
        handlers.onProjectChanged?.(message.title);
        return;
      case 'closed':
        closed?.();
        return;
      case 'ready':
        return;
    }
  });

  /**
   * The answer's bytes, asked for one chunk at a time: a slow reader holds the core back,
   * not memory. Ending early (a HEAD request, a closed connection) tells the core to let go.
   */
  function chunks(id: number): AsyncIterableIterator<Uint8Array> {
    let finished = false;
    const finish = (cancel: boolean) => {
      if (finished) return;
      finished = true;
      media.delete(id);
      if (cancel && !failure) send({ kind: 'mediaCancel', id });
    };
    const done = { done: true, value: undefined } as const;
    const iterator: AsyncIterableIterator<Uint8Array> = {
      next: () =>
        new Promise<IteratorResult<Uint8Array>>((resolve) => {
          const waiter = media.get(id);
          if (finished || !waiter || failure) {
            finish(false);
            resolve(done);
            return;
          }
          waiter.chunk = (bytes) => {
            if (bytes === null) {
              finish(false);
              resolve(done);
            } else resolve({ done: false, value: bytes });
          };
          send({ kind: 'mediaPull', id });
        }),
      return: () => {
        finish(true);
        return Promise.resolve(done);
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  return {
    dispatch: (method, input) => {
      if (failure) return Promise.resolve(stopped(failure));
      const id = nextId++;
      return new Promise((resolve) => {
        calls.set(id, resolve);
        send({ kind: 'call', id, method, input });
      });
    },
    media: (recordingId, range) => {
      if (failure) return Promise.resolve({ status: 404, headers: {}, body: [] });
      const id = nextId++;
      return new Promise((resolve) => {
        media.set(id, { head: resolve, chunk: null });
        send({ kind: 'media', id, recordingId, range });
      });
    },
    shutdown: () =>
      new Promise((resolve) => {
        if (failure) {
          resolve();
          return;
        }
        closed = resolve;
        send({ kind: 'shutdown' });
      }),
    fail: (message) => {
      failure = message;
      for (const resolve of calls.values()) resolve(stopped(message));
      calls.clear();
      for (const waiter of media.values()) {
        waiter.head({ status: 404, headers: {}, body: [] });
        waiter.chunk?.(null);
      }
      media.clear();
      closed?.();
    },
  };
}
