import type { FuseConfig } from '@electron/fuses';

export const APP_NAME: 'Closebook';
export const FUSES: Readonly<FuseConfig>;
export function fusesByName(fuses?: Readonly<FuseConfig>): Record<string, boolean | undefined>;
export function packagedExecutable(appDir: string, platform: string, name?: string): string;
export function keptInPackage(path: string): boolean;
export function packagerOptions(input: { root: string; electronVersion: string; nativeFolder: string }): {
  dir: string;
  out: string;
  overwrite: boolean;
  name: string;
  electronVersion: string;
  asar: boolean;
  extraResource: string[];
  ignore: (path: string) => boolean;
};
export function flipPackagedFuses(buildPath: string, electronVersion: string, platform: string, arch: string, done: (error?: Error | null) => void): void;
