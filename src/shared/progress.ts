/** Progress of a long job, streamed to the caller while the job runs. */
export interface ProgressEvent {
  /** What is progressing, e.g. "revenues.export". */
  task: string;
  done: number;
  /** null when the total is not known in advance. */
  total: number | null;
  /** The total is a projection (a file's rows from the share of its bytes read so far), exact only at the end. */
  totalIsEstimate?: boolean;
  message?: string;
}
