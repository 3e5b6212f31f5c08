/** Progress of a long job, streamed to the caller while the job runs. */
export interface ProgressEvent {
  /** What is progressing, e.g. "revenues.export". */
  task: string;
  done: number;
  /** null when the total is not known in advance. */
  total: number | null;
  message?: string;
}
