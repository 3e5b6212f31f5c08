/** A source's sync stopped: the message names the source (and the record, when one is at fault). */
export class SyncFault extends Error {
  constructor(
    message: string,
    /** The HTTP status, when the source answered. */
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'SyncFault';
  }
}
