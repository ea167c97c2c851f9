import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { easyedaLibrary } from '../src/formats/index.js';
import { footprintFamilies } from '../src/geometry/index.js';
import { createApp, memoryLogger } from '../src/server/index.js';

const a4s = createApp({ logger: memoryLogger() });

describe('GET /api/library.elibz', () => {
  it('the EasyEDA Pro library: the same bytes as `a4s easyeda-lib`, as a zip download holding every footprint', async () => {
    const res = await a4s.request('/api/library.elibz');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/zip/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="Panasonic_A4S.elibz"');
    const body = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(body).equals(Buffer.from(easyedaLibrary()))).toBe(true);
    const files = Object.keys(unzipSync(body));
    expect(files).toContain('device.json');
    expect(files.filter((f) => f.endsWith('.efoo'))).toHaveLength(footprintFamilies.length);
  });

  it('is in the OpenAPI document as a zip', async () => {
    const doc = (await (await a4s.request('/api/openapi.json')).json()) as {
      paths: Record<string, { get?: { operationId?: string; responses?: Record<string, { content?: Record<string, unknown> }> } }>;
    };
    const get = doc.paths['/api/library.elibz']?.get;
    expect(get?.operationId).toBe('easyedaLibrary');
    expect(Object.keys(get?.responses?.['200']?.content ?? {})).toEqual(['application/zip']);
  });
});
