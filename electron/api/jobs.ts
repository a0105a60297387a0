import { AxialError } from '../../shared/errors';

export interface JobProgress {
  done: number;
  total: number;
}

interface Job extends JobProgress {
  cancelled: boolean;
  /** Stops a job that cannot look at its flag between steps: an export on its own thread. */
  onCancel?: () => void;
}

/**
 * Long actions report progress and can be cancelled while they run: an import
 * yields between steps, an export runs on its own thread, and these two calls
 * are answered at once rather than queued behind the action.
 */
export class JobRegistry {
  private readonly jobs = new Map<string, Job>();
  /** Cancelled while still waiting its turn: the job starts as cancelled. */
  private readonly cancelledEarly = new Set<string>();

  start(id: string, total: number): Job {
    const job = { done: 0, total, cancelled: this.cancelledEarly.delete(id) };
    this.jobs.set(id, job);
    return job;
  }

  progress(id: string): JobProgress | null {
    const job = this.jobs.get(id);
    return job ? { done: job.done, total: job.total } : null;
  }

  cancel(id: string): void {
    const job = this.jobs.get(id);
    if (!job) {
      // Bounded: ids of jobs that never came are forgotten, oldest first.
      this.cancelledEarly.add(id);
      if (this.cancelledEarly.size > 100)
        this.cancelledEarly.delete(this.cancelledEarly.values().next().value!);
      return;
    }
    job.cancelled = true;
    job.onCancel?.();
  }

  finish(id: string): void {
    this.jobs.delete(id);
  }
}

/** Thrown by a job that noticed it was cancelled; whatever it wrote has been undone. */
export function cancelledError(): AxialError {
  return new AxialError('cancelled', 'Cancelled: nothing was changed.', { reason: 'cancelled' });
}

/** Lets the event loop answer progress and cancel calls before the next step. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
