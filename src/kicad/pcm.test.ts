import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { familyOf, footprintFamilies } from '../geometry/index.js';
import { footprintFile, kicadLibraryFiles, kicadPcmPackage, PCM_IDENTIFIER, PCM_LIBRARY_NICKNAME } from './index.js';
import { iconPng } from './icon.js';

const text = (c: string | Uint8Array) => (typeof c === 'string' ? c : new TextDecoder().decode(c));

function packageFiles(options = {}) {
  const r = kicadPcmPackage(options);
  if (!r.ok) throw new Error(r.error.message);
  return new Map(r.value.map((t) => [t.path, t.build()]));
}

describe('KiCad PCM package (pure)', () => {
  const files = packageFiles();

  it('holds the folders PCM extracts and metadata.json, nothing else (no tables, rule file or README)', () => {
    for (const path of files.keys())
      expect(path).toMatch(
        /^(metadata\.json|resources\/icon\.png|footprints\/Panasonic_A4S\.pretty\/[^/]+\.kicad_mod|symbols\/Panasonic_A4S\.kicad_sym|3dmodels\/Panasonic_A4S\.3dshapes\/[^/]+\.(step|wrl))$/,
      );
    expect([...files.keys()].filter((p) => p.endsWith('.kicad_mod'))).toHaveLength(footprintFamilies.length);
  });

  it('footprints link models under ${KICAD9_3RD_PARTY}/3dmodels/<identifier, dots as underscores>/, and those files are in the package', () => {
    const dir = `\${KICAD9_3RD_PARTY}/3dmodels/${PCM_IDENTIFIER.replace(/\./g, '_')}/`;
    expect(dir).toBe('${KICAD9_3RD_PARTY}/3dmodels/org_a4s-toolkit_panasonic-a4s/');
    for (const [path, content] of files) {
      if (!path.endsWith('.kicad_mod')) continue;
      const links = [...text(content).matchAll(/\(model "([^"]+)"/g)].map((m) => m[1]!);
      expect(links, path).toHaveLength(1);
      expect(links[0]!.startsWith(dir), links[0]).toBe(true);
      expect(files.has(`3dmodels/${links[0]!.slice(dir.length)}`), links[0]).toBe(true);
    }
  });

  it('symbols name their footprints in the PCM_ library, and each named footprint is in the package', () => {
    const sym = text(files.get('symbols/Panasonic_A4S.kicad_sym')!);
    const named = [...sym.matchAll(/\(property "Footprint" "([^"]+)"/g)].map((m) => m[1]!);
    expect(named).toHaveLength(footprintFamilies.length);
    for (const id of named) {
      expect(id.startsWith(`${PCM_LIBRARY_NICKNAME}:`), id).toBe(true);
      expect(PCM_LIBRARY_NICKNAME).toBe('PCM_Panasonic_A4S');
      expect(files.has(`footprints/Panasonic_A4S.pretty/${id.slice(PCM_LIBRARY_NICKNAME.length + 1)}.kicad_mod`), id).toBe(true);
    }
  });

  it('the footprints differ from the plain library only in their model folder', () => {
    const plain = new Map(kicadLibraryFiles({ models: false }).map((f) => [f.path, text(f.content)]));
    for (const [path, content] of files) {
      if (!path.endsWith('.kicad_mod')) continue;
      const mine = text(content).replace(/\(model "[^"]+\//, '(model "DIR/');
      expect(mine).toBe(plain.get(path.slice('footprints/'.length))!.replace(/\(model "[^"]+\//, '(model "DIR/'));
    }
  });

  it('metadata.json: identifier, library, one version for KiCad 8.0 with a status', () => {
    const m = JSON.parse(text(files.get('metadata.json')!)) as Record<string, unknown> & { versions: Record<string, unknown>[] };
    expect(m.identifier).toBe(PCM_IDENTIFIER);
    expect(m.type).toBe('library');
    expect(m.versions).toEqual([{ version: expect.stringMatching(/^\d+\.\d+\.\d+$/), status: 'testing', kicad_version: '8.0' }]);
    for (const key of ['name', 'description', 'description_full', 'author', 'license', 'resources']) expect(m[key], key).toBeTruthy();
  });

  it('the icon is a 64 x 64 PNG under 20 KB, the same bytes every time', () => {
    const icon = iconPng();
    expect(icon.byteLength).toBeLessThan(20 * 1024);
    const v = new DataView(icon.buffer, icon.byteOffset);
    expect([v.getUint32(16), v.getUint32(20)]).toEqual([64, 64]);
    expect(iconPng()).toEqual(icon);
  });
});

describe('footprint-level clearance', () => {
  const clearanceOf = (content: string) => Number(/\n {2}\(clearance ([\d.]+)\)\n/.exec(content)?.[1]);

  it('is the gap between neighbouring contacts: 0.4 mm pitch (catalog) less the pad width, with its provenance in a property', () => {
    const socket = footprintFile('AXE540127');
    if (!socket.ok) throw new Error('AXE540127');
    const pad = socket.value.landPattern.pads.find((p) => p.number === '1')!;
    expect(clearanceOf(socket.value.content)).toBeCloseTo(0.4 - pad.widthMm, 9);
    expect(socket.value.content).toMatch(/\(property "Clearance" "Footprint clearance 0\.17 mm \(derived: /);
    expect(socket.value.content).toContain('may come 0.17 mm from them');
  });

  it('follows the pad width (monotonic): wider contact pads give a smaller clearance, never one the pads fail', () => {
    fc.assert(
      fc.property(fc.integer({ min: 150, max: 300 }), fc.integer({ min: 150, max: 300 }), (a, b) => {
        const [narrow, wide] = [Math.min(a, b) / 1000, Math.max(a, b) / 1000];
        const c = (w: number) => {
          const r = footprintFile('AXE540127', { overrides: { signalPadWidthMm: w } });
          if (!r.ok) return null; // overlapping pads are refused elsewhere
          return clearanceOf(r.value.content);
        };
        const cn = c(narrow);
        const cw = c(wide);
        if (cn === null || cw === null) return;
        expect(cw).toBeLessThanOrEqual(cn);
        expect(cw).toBeLessThanOrEqual(0.4 - wide + 1e-9);
        expect(cw).toBeGreaterThan(0.4 - wide - 0.001 - 1e-9);
      }),
      { numRuns: 25 },
    );
  });

  it('is the same in every family of a role (same pitch and pads), and in the header', () => {
    const header = footprintFile(familyOf('header', 40, 1.0)!.defaultPartNumber);
    if (!header.ok) throw new Error('header');
    expect(clearanceOf(header.value.content)).toBe(0.17);
  });
});
