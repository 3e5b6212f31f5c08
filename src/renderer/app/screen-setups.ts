import type { ViewState } from '../../shared/contract/views';
import { api } from '../api/client';

/**
 * Each screen's current setup (sort, filters, columns; the shell's org and period), read
 * from the workspace file once per open workspace and kept here, so going to another
 * screen and back shows it at once. Changes are written back shortly after they settle
 * (`views.save`), so a reload, or the next launch on another port, finds them.
 */
export class ScreenSetups {
  private readonly known = new Map<string, ViewState | null>();
  private readonly loading = new Map<string, Promise<ViewState | null>>();
  private readonly pending = new Map<string, { state: ViewState; timer: ReturnType<typeof setTimeout> }>();
  private disposed = false;

  constructor(private readonly delayMs = 300) {}

  /** The setup already read or changed in this session; undefined until it was read. */
  peek(screen: string): ViewState | null | undefined {
    return this.known.get(screen);
  }

  /** The saved setup (null when none), read once. A failed read counts as none: the screen opens with its defaults. */
  load(screen: string): Promise<ViewState | null> {
    if (this.known.has(screen)) return Promise.resolve(this.known.get(screen)!);
    let request = this.loading.get(screen);
    if (!request) {
      request = api.call('views.get', { screen, name: null }).then(
        ({ view }) => view?.state ?? null,
        () => null,
      );
      request = request.then((state) => {
        // A change made while the read was under way wins.
        if (!this.known.has(screen)) this.known.set(screen, state);
        this.loading.delete(screen);
        return this.known.get(screen)!;
      });
      this.loading.set(screen, request);
    }
    return request;
  }

  /** Remembers a screen's setup now and writes it to the workspace once changes pause. */
  save(screen: string, state: ViewState): void {
    if (this.disposed) return;
    this.known.set(screen, state);
    const waiting = this.pending.get(screen);
    if (waiting) clearTimeout(waiting.timer);
    const timer = setTimeout(() => this.flush(screen), this.delayMs);
    this.pending.set(screen, { state, timer });
  }

  private flush(screen: string): void {
    const waiting = this.pending.get(screen);
    if (!waiting || this.disposed) return;
    this.pending.delete(screen);
    // A setup that cannot be written (a read-only key) still holds for this session.
    api.call('views.save', { screen, name: null, state: waiting.state }).catch((error: unknown) => console.warn('Could not keep the screen setup', error));
  }

  /** Writes what is waiting now (the page is being left). */
  flushAll(): void {
    for (const screen of [...this.pending.keys()]) this.flush(screen);
  }

  /**
   * Another workspace was opened: what is waiting belonged to the previous file, and the
   * core now has the new one, so it is dropped rather than written to the wrong file.
   */
  dispose(): void {
    this.disposed = true;
    for (const { timer } of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }
}
