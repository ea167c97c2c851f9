import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { regenerate } from '../scripts/readme.js';
import { API_ERROR_CODES as ERROR_CODES } from '../src/server/codes.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('has the two quick-start commands', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm install && npm test');
  });
  it('its generated tables (commands, error codes) are up to date: run `npx tsx scripts/readme.ts`', () => {
    expect(regenerate(readme)).toBe(readme);
  });
  it('documents every error code with a summary and a fix', () => {
    for (const [code, doc] of Object.entries(ERROR_CODES)) {
      expect(readme, code).toContain(`\`${code}\``);
      expect(doc.summary.length, code).toBeGreaterThan(10);
      expect(doc.fix.length, code).toBeGreaterThan(5);
    }
  });
});
