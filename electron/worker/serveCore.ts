import type { PathPurpose } from '../../shared/domain';
import type { Result } from '../../shared/errors';
import type { AppCore } from '../api/core';
import type { HostServices } from '../api/context';
import type { MediaSource } from '../media/mediaResponse';
import type { FromCore, PortLike, ToCore } from './coreMessages';

type HostCallbacks = Pick<HostServices, 'choosePath' | 'onLanguageChanged' | 'onProjectChanged'>;

/**
 * The host's callbacks as the core's thread sees them: a dialog is a request
 * answered by the host, a changed title or language a message to it.
 */
export function hostBridge(port: PortLike, nativeDialogs: boolean) {
  const waiting = new Map<number, (path: string | null) => void>();
  let nextId = 1;
  const send = (message: FromCore) => port.postMessage(message);
  const callbacks: HostCallbacks = {
    onLanguageChanged: (language) => send({ kind: 'languageChanged', language }),
    onProjectChanged: (title) => send({ kind: 'projectChanged', title }),
    ...(nativeDialogs
      ? {
          choosePath: (purpose: PathPurpose, suggestedName: string | undefined) =>
            new Promise<string | null>((resolve) => {
              const id = nextId++;
              waiting.set(id, resolve);
              send({ kind: 'hostRequest', id, purpose, suggestedName });
            }),
        }
      : {}),
  };
  const answer = (id: number, path: string | null) => {
    waiting.get(id)?.(path);
    waiting.delete(id);
  };
  return { callbacks, answer };
}

const closingResult: Result<never> = {
  ok: false,
  error: { code: 'internal', message: 'Axial is closing: this action was not done.' },
};
const unsendable: Result<never> = {
  ok: false,
  error: {
    code: 'internal',
    message:
      'Axial hit an unexpected problem and did not complete the action. Your project is unchanged; try again, and report the problem if it persists.',
  },
};

/**
 * The core's end of the port: every call goes to the same dispatcher as IPC and
 * HTTP; a recording is sent chunk by chunk as the host asks for the next one,
 * so a long recording is never held whole in either thread.
 */
export function serveCore(
  port: PortLike,
  core: AppCore,
  media: MediaSource,
  answerHost: (id: number, path: string | null) => void,
  onClosed: () => void,
): void {
  const send = (message: FromCore, transfer?: ArrayBuffer[]) => port.postMessage(message, transfer);
  const inFlight = new Set<Promise<unknown>>();
  let closing = false;
  const streams = new Map<number, Iterator<Uint8Array>>();
  const sendNextChunk = (id: number) => {
    const stream = streams.get(id);
    if (!stream) return;
    let next: IteratorResult<Uint8Array>;
    try {
      next = stream.next();
    } catch {
      // The recording went away (the project was closed): the answer ends short, as a dropped connection would.
      next = { done: true, value: undefined };
    }
    if (next.done) {
      streams.delete(id);
      send({ kind: 'mediaChunk', id, bytes: null });
      return;
    }
    // A copy the size of one chunk, moved rather than copied again across the thread boundary.
    const bytes = new Uint8Array(next.value);
    send({ kind: 'mediaChunk', id, bytes }, [bytes.buffer]);
  };
  port.on('message', (raw) => {
    const message = raw as ToCore;
    switch (message.kind) {
      case 'call': {
        if (closing) {
          send({ kind: 'result', id: message.id, result: closingResult });
          return;
        }
        const call: Promise<void> = core
          .dispatch(message.method, message.input)
          .then((result) => send({ kind: 'result', id: message.id, result }))
          .catch((error: unknown) => {
            // An answer that cannot cross (it should never happen) is still an answer.
            console.error('Axial: an answer could not be sent', error);
            send({ kind: 'result', id: message.id, result: unsendable });
          })
          .finally(() => inFlight.delete(call));
        inFlight.add(call);
        return;
      }
      case 'media': {
        const answer = media(message.recordingId, message.range);
        streams.set(message.id, answer.body[Symbol.iterator]());
        send({ kind: 'mediaHead', id: message.id, status: answer.status, headers: answer.headers });
        return;
      }
      case 'mediaPull':
        sendNextChunk(message.id);
        return;
      case 'mediaCancel':
        streams.get(message.id)?.return?.();
        streams.delete(message.id);
        return;
      case 'hostReply':
        answerHost(message.id, message.value);
        return;
      case 'shutdown':
        // The calls already made are answered, the jobs stopped, then the project closed.
        closing = true;
        void Promise.allSettled([...inFlight])
          .then(() => core.context.background?.stopAll())
          .finally(() => {
            core.shutdown();
            send({ kind: 'closed' });
            onClosed();
          });
        return;
    }
  });
  send({ kind: 'ready' });
}
