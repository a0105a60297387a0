import { parseMethodInput, checkMethodName } from '../../shared/contract/validate';
import { methodNames } from '../../shared/contract/api';
import type { MethodName } from '../../shared/contract/api';
import type { Result } from '../../shared/errors';
import { AxialError } from '../../shared/errors';
import { agreementHandlers } from '../handlers/agreement';
import { analysisHandlers } from '../handlers/analysis';
import { appHandlers } from '../handlers/app';
import { casesHandlers } from '../handlers/cases';
import { codersHandlers } from '../handlers/coders';
import { codesHandlers } from '../handlers/codes';
import { codingsHandlers } from '../handlers/codings';
import { copyMergeHandlers } from '../handlers/copyMerge';
import { documentsHandlers } from '../handlers/documents';
import { exchangeHandlers } from '../handlers/exchange';
import { guidesHandlers } from '../handlers/guides';
import { historyHandlers } from '../handlers/history';
import { projectsHandlers } from '../handlers/projects';
import { pseudonymsHandlers } from '../handlers/pseudonyms';
import { quotationsHandlers } from '../handlers/quotations';
import { reportsHandlers } from '../handlers/reports';
import { recordingsHandlers } from '../handlers/recordings';
import { searchHandlers } from '../handlers/search';
import { diskFull, isDiskFull } from '../store/diskFull';
import { readOnly } from '../store/history';
import { projectChanges } from '../store/projectChanges';
import type { ProjectChanges } from '../../shared/projectChanges';
import type { CallControl, HandlerContext } from './context';
import type { Handlers } from './handlers';
import { mergeHandlers, missingHandlers } from './handlers';

export const handlers: Handlers = mergeHandlers(
  appHandlers,
  projectsHandlers,
  documentsHandlers,
  codesHandlers,
  codingsHandlers,
  historyHandlers,
  casesHandlers,
  guidesHandlers,
  analysisHandlers,
  agreementHandlers,
  codersHandlers,
  searchHandlers,
  exchangeHandlers,
  copyMergeHandlers,
  recordingsHandlers,
  pseudonymsHandlers,
  quotationsHandlers,
  reportsHandlers,
);

const unqueuedMethods = new Set(['jobs.progress', 'jobs.cancel']);

/**
 * Calls that close the open project (to open another, or none): the jobs reading
 * it stop first, or closing would wait for them and leave its log beside the file.
 */
const closingMethods = new Set([
  'projects.close',
  'projects.open',
  'projects.create',
  'projects.openCopy',
  'projects.openDemo',
]);

const unknownClosing = [...closingMethods].filter(
  (name) => !(methodNames as readonly string[]).includes(name),
);
if (unknownClosing.length > 0) throw new Error(`Not API methods: ${unknownClosing.join(', ')}`);

const unhandled = missingHandlers(handlers, methodNames);
if (unhandled.length > 0) throw new Error(`API methods without a handler: ${unhandled.join(', ')}`);

export type Dispatch = (method: unknown, input: unknown) => Promise<Result<unknown>>;

/**
 * The single entry point of every transport: checks the method name, checks the
 * input against its schema, runs the handler, and turns every failure into a
 * `{ ok: false, error }` value. Nothing reaches a handler unchecked.
 */
export function createDispatcher(
  context: HandlerContext,
  log: (message: string, error: unknown) => void = (message, error) =>
    console.error(message, error),
): Dispatch {
  // Calls run one at a time: a handler that awaits (a backup) must not interleave with
  // another that closes the project underneath it.
  let queue: Promise<unknown> = Promise.resolve();
  return (method, input) => {
    // Progress and cancel of a running job only read or flag memory: they must not wait for the job.
    if (typeof method === 'string' && unqueuedMethods.has(method))
      return dispatchOne(context, method, input, log, null);
    // A background job lets the next calls start once its long part needs no turn, before it ends.
    let letGo = () => {};
    const released = new Promise<void>((resolve) => (letGo = resolve));
    const hold: CallHold = {
      released: false,
      release: () => {
        hold.released = true;
        letGo();
      },
      inTurn: (work) => {
        if (!hold.released) return Promise.resolve().then(work);
        // Back in line behind the calls that started meanwhile; what it writes is this call's.
        const turn = queue.then(async () => {
          const value = await work();
          // Read in the turn, before the next call writes or opens another project.
          hold.changes = changesOf(context, null) ?? hold.changes;
          return value;
        });
        queue = turn.catch(() => undefined);
        return turn;
      },
    };
    const run = queue.then(() => dispatchOne(context, method, input, log, hold));
    queue = Promise.race([run.catch(() => undefined), released]);
    return run;
  };
}

interface CallHold extends CallControl {
  released: boolean;
  /** What the call wrote in the turn it came back for, once it had let the queue go. */
  changes?: ProjectChanges;
}

/**
 * What the call wrote, read from the project it left open (none after closing
 * one). A call that let the queue go reports only what it wrote in its turns:
 * the rest is other calls' to report.
 */
function changesOf(context: HandlerContext, hold: CallHold | null): ProjectChanges | undefined {
  if (hold?.released) return hold.changes;
  const project = context.session.project;
  const writes = project?.history.takeUnreported() ?? [];
  if (!project || writes.length === 0) return undefined;
  return projectChanges(project.db, writes, project.history.state());
}

async function dispatchOne(
  context: HandlerContext,
  method: unknown,
  input: unknown,
  log: (message: string, error: unknown) => void,
  hold: CallHold | null,
): Promise<Result<unknown>> {
  const name = checkMethodName(method);
  if (!name.ok) return name;
  const parsed = parseMethodInput(name.value, input);
  if (!parsed.ok) return parsed;
  try {
    if (closingMethods.has(name.value)) await context.background?.stopAll();
    const handler = handlers[name.value] as (context: HandlerContext, input: unknown) => unknown;
    if (hold) context.call = hold;
    else delete context.call;
    const value = await handler(context, parsed.value);
    const changes = changesOf(context, hold);
    return changes ? { ok: true, value, changes } : { ok: true, value };
  } catch (error) {
    if (error instanceof AxialError) return { ok: false, error: error.toApiError() };
    const copy = context.session.project?.readOnlyCopy;
    // A write that does not go through the undo history, refused by the read-only file itself.
    if (copy && (error as { code?: unknown }).code === 'SQLITE_READONLY')
      return { ok: false, error: readOnly(copy).toApiError() };
    // Not a fault of Axial's: the transaction was rolled back and the history never recorded it.
    if (isDiskFull(error)) return { ok: false, error: diskFull().toApiError() };
    log(`Axial: ${name.value as MethodName} failed`, error);
    return {
      ok: false,
      error: {
        code: 'internal',
        message:
          'Axial hit an unexpected problem and did not complete the action. Your project is unchanged; try again, and report the problem if it persists.',
      },
    };
  }
}
