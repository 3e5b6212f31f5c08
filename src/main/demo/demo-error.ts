/** Why a demo workspace was not created. Nothing was written when this is thrown. */
export type DemoErrorCode = 'demo_invalid_option' | 'demo_workspace_not_empty';
/** The options of createDemoWorkspace that a caller can get wrong. */
export type DemoOptionName = 'revenues' | 'seed' | 'endPeriod';

export class DemoError extends Error {
  constructor(
    readonly code: DemoErrorCode,
    message: string,
    /** For demo_invalid_option: which option, so the CLI can name its own flag. */
    readonly option?: DemoOptionName,
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'DemoError';
  }
}

export function invalidDemoOption(option: DemoOptionName, reason: string): DemoError {
  return new DemoError('demo_invalid_option', `${option} ${reason}`, option, reason);
}
