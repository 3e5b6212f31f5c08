/** Epoch seconds as the workspace stores instants: 'YYYY-MM-DDTHH:MM:SSZ' (UTC, no millis). */
export function isoSeconds(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().slice(0, 19) + 'Z';
}
