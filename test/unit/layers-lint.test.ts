import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The lint is what keeps the layers apart; these cases prove it bites.
const eslint = new ESLint({ cwd: process.cwd() });

async function messagesFor(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layer lint', () => {
  it('stops the renderer importing main code or Node modules', async () => {
    expect(await messagesFor('src/renderer/pages/x.ts', "import { openWorkspace } from '../../main/db/workspace';\nexport { openWorkspace };")).toHaveLength(1);
    expect(await messagesFor('src/renderer/pages/x.ts', "import { readFileSync } from 'node:fs';\nexport { readFileSync };")).toHaveLength(1);
    expect(await messagesFor('src/renderer/pages/x.ts', "import { ipcRenderer } from 'electron';\nexport { ipcRenderer };")).toHaveLength(1);
    expect(await messagesFor('src/renderer/pages/x.ts', "import { contract } from '../../shared/contract';\nexport { contract };")).toHaveLength(0);
  });

  it('keeps src/shared free of runtimes and other layers', async () => {
    expect(await messagesFor('src/shared/x.ts', "import { join } from 'path';\nexport { join };")).toHaveLength(1);
    expect(await messagesFor('src/shared/x.ts', "import { x } from '../main/api/registry';\nexport { x };")).toHaveLength(1);
    expect(await messagesFor('src/shared/x.ts', "import { z } from 'zod';\nexport { z };")).toHaveLength(0);
  });

  it('keeps the preload to electron and shared types', async () => {
    expect(await messagesFor('src/preload/x.ts', "import { x } from '../main/core/host';\nexport { x };")).toHaveLength(1);
    expect(await messagesFor('src/preload/x.ts', "import { contextBridge } from 'electron';\nexport { contextBridge };")).toHaveLength(0);
  });

  it('stops main code importing the renderer', async () => {
    expect(await messagesFor('src/main/x.ts', "import { App } from '../renderer/App';\nexport { App };")).toHaveLength(1);
  });
});
