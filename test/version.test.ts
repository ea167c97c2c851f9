import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VERSION as cliVersion } from '../src/cli/index.js';
import { VERSION as apiVersion } from '../src/server/app.js';
import { VERSION } from '../src/version.js';

describe('one version', () => {
  it('the CLI and the API report package.json’s version, from src/version.ts', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
    expect(cliVersion).toBe(VERSION);
    expect(apiVersion).toBe(VERSION);
  });
});
