import { describe, expect, it } from 'vitest';
import { API_ERROR_CODES as ERROR_CODES } from '../src/server/codes.js';
import { eagleLibrary } from '../src/formats/index.js';
import { footprintFile } from '../src/kicad/index.js';
import { createApp, memoryLogger } from '../src/server/index.js';
import { FootprintReportSchema } from '../src/server/routes/verify.js';
import { ProblemSchema } from '../src/server/schemas.js';

const a4s = createApp({ logger: memoryLogger() });
const post = (path: string, body: BodyInit, type = 'text/plain') => a4s.request(path, { method: 'POST', body, headers: { 'content-type': type } });
const ours = (pn: string) => {
  const f = footprintFile(pn);
  if (!f.ok) throw new Error(pn);
  return f.value;
};

describe('POST /api/verify-footprint', () => {
  it('our footprint matches; the answer follows the published schema', async () => {
    const res = await post('/api/verify-footprint', ours('AXE540127').content);
    expect(res.status).toBe(200);
    const report = FootprintReportSchema.parse(await res.json());
    expect(report.matches).toBe(true);
    expect(report.part.partNumber).toBe('AXE540127');
  });

  it('a mirrored header: FP_CHIRALITY; ?format=text gives the CLI report', async () => {
    const mirrored = ours('AXE640124').content.replace(/\(pad "(\d+)"/g, (_m, n: string) => `(pad "${Number(n) % 2 ? Number(n) + 1 : Number(n) - 1}"`);
    const res = await post('/api/verify-footprint?part=AXE640124', mirrored, 'application/octet-stream');
    const report = FootprintReportSchema.parse(await res.json());
    expect(report.matches).toBe(false);
    // Notes aside (the IPC-7525 area-ratio note depends on the land pattern).
    expect(report.findings.filter((f) => f.severity !== 'info').map((f) => f.code)).toEqual(['FP_CHIRALITY']);
    const text = await post('/api/verify-footprint?part=AXE640124&format=text', mirrored);
    expect(text.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await text.text()).toMatch(/error \[FP_CHIRALITY\]/);
  });

  it('unreadable footprints and bad part numbers are problems with the CLI codes', async () => {
    const cases: [string, string, number, string][] = [
      ['/api/verify-footprint', '(footprint "x" (pad', 400, 'FOOTPRINT_SYNTAX'],
      ['/api/verify-footprint', '(kicad_pcb)', 400, 'FOOTPRINT_NOT_FOOTPRINT'],
      ['/api/verify-footprint?part=AXE540128', ours('AXE540127').content, 422, 'BAD_VARIANT'],
      ['/api/verify-footprint?format=pdf', ours('AXE540127').content, 400, 'BAD_OPTION'],
    ];
    for (const [path, body, status, code] of cases) {
      const res = await post(path, body);
      expect(res.status, path).toBe(status);
      const p = ProblemSchema.parse(await res.json());
      expect(p.code, path).toBe(code);
      expect(ERROR_CODES).toHaveProperty(code);
    }
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await (await a4s.request('/api/openapi.json')).json()) as { paths: Record<string, { post?: unknown }> };
    expect(doc.paths['/api/verify-footprint']!.post).toHaveProperty('requestBody');
  });
});

describe('GET /api/library.lbr, GET /api/parts/{pn}/circuit.json', () => {
  it('the Eagle library: the same bytes as `a4s eagle-lib`, as a download', async () => {
    const res = await a4s.request('/api/library.lbr');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="Panasonic_A4S.lbr"');
    expect(await res.text()).toBe(eagleLibrary());
  });

  it("circuit-json of a part; 404 with the decoder's code for an invalid part number", async () => {
    const res = await a4s.request('/api/parts/AXE640224/circuit.json');
    expect(res.status).toBe(200);
    const els = (await res.json()) as { type: string; manufacturer_part_number?: string }[];
    expect(els[0]).toMatchObject({ type: 'source_component', manufacturer_part_number: 'AXE640224' });
    const bad = await a4s.request('/api/parts/AXE640228/circuit.json');
    expect(bad.status).toBe(404);
    expect(ProblemSchema.parse(await bad.json()).code).toBe('BAD_VARIANT');
  });
});

describe('POST /api/verify-footprint: the report of issue 19 follows the schema', () => {
  it('a row-named footprint without a part number: the role evidence, the paste figures, and the numbering not checked', async () => {
    const renamed = ours('AXE540127')
      .content.replace(/AXE[0-9A-Za-z*]+/g, 'CONN')
      .replace(/\(pad "(\d+)"/g, (_m, n: string) => `(pad "${Number(n) % 2 ? `A${(Number(n) + 1) / 2}` : `B${Number(n) / 2}`}"`);
    const res = await post('/api/verify-footprint', renamed);
    expect(res.status).toBe(200);
    const report = FootprintReportSchema.parse(await res.json());
    expect(report.part.roleFromGeometry?.decided).toBe(true);
    expect(report.part.role).toBe('socket');
    expect(report.paste?.contactAreaRatio).toBeGreaterThan(0);
    expect(report.findings.map((f) => f.code)).toContain('FP_NUMBERING_UNCHECKED');
  });

  it('a non-finite coordinate is a 400 problem FOOTPRINT_BAD_NUMBER', async () => {
    const res = await post('/api/verify-footprint', ours('AXE510127').content.replace('(size 0.23 0.8)', '(size nan 0.8)'));
    expect(res.status).toBe(400);
    expect(ProblemSchema.parse(await res.json()).code).toBe('FOOTPRINT_BAD_NUMBER');
  });
});
