import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogParts } from '../catalog/index.js';
import { ERROR_CODES } from '../errors.js';
import { footprintName, LAND_PARAM_NAMES, familyOf, footprintFamilies, MOUNTING_PIN, overridesFor, parseRoleOverrides } from '../geometry/index.js';
import {
  childNamed,
  childrenNamed,
  footprintFile,
  fpLibTable,
  headOf,
  KICAD_CODES,
  kicadLibraryFiles,
  kicadLibraryTasks,
  MODELS_DIR,
  readSexpr as readTree,
  symbolLibrary,
  symbolLibraryFile,
  symLibTable,
  valueOf,
  type SList,
  type SNode,
} from './index.js';
import { matedPairModel, stepModel, vrmlModel } from '../model3d/index.js';
import { matesOf } from '../select/index.js';

/** Reads a file this project wrote (a failure is a test failure). */
const readSexpr = (text: string): SNode => {
  const r = readTree(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

const text = (c: string | Uint8Array) => (typeof c === 'string' ? c : new TextDecoder().decode(c));

/** Pad numbers of a .kicad_mod read back with our s-expression reader. */
function padNumbers(content: string): string[] {
  return childrenNamed(readSexpr(content), 'pad').map((p) => String(valueOf(p[1])));
}

function properties(symbol: SList): Map<string, string> {
  return new Map(childrenNamed(symbol, 'property').map((p) => [String(valueOf(p[1])), String(valueOf(p[2]))]));
}

function symbolPinsOf(symbol: SList): { number: string; x: number; y: number; angle: number }[] {
  return childrenNamed(symbol, 'symbol').flatMap((unit) =>
    childrenNamed(unit, 'pin').map((pin) => {
      const at = childNamed(pin, 'at')!;
      return { number: String(valueOf(childNamed(pin, 'number')![1])), x: Number(valueOf(at[1])), y: Number(valueOf(at[2])), angle: Number(valueOf(at[3])) };
    }),
  );
}

describe('library contents', () => {
  const files = kicadLibraryFiles({ models: false });
  const byPath = new Map(files.map((f) => [f.path, text(f.content)]));

  it('models: false (or null, as the option was before it became a boolean) leaves the 3D models out; by default they are in', () => {
    const modelPaths = (tasks: readonly { path: string }[]) => tasks.filter((t) => t.path.startsWith(`${MODELS_DIR}/`)).length;
    expect(modelPaths(kicadLibraryTasks())).toBe(2 * footprintFamilies.length);
    expect(modelPaths(kicadLibraryTasks({ models: true }))).toBe(2 * footprintFamilies.length);
    expect(modelPaths(kicadLibraryTasks({ models: false }))).toBe(0);
    expect(modelPaths(kicadLibraryTasks({ models: null as unknown as boolean }))).toBe(0);
  });

  it('has a footprint and a symbol for every catalog part, and nothing the catalog does not list', () => {
    // A footprint per part family: sockets by pin count, headers by pin count and mated height
    // (an inspection header, height not stated, with the 0.8 mm family).
    const familyKey = (role: string, pins: number, h: number | null) => `${role}:${pins}:${role === 'header' ? (h ?? 0.8) : '-'}`;
    const wanted = new Set(catalogParts.map((p) => familyKey(p.role, p.pins, p.matedHeightMm)));
    expect(new Set(footprintFamilies.map((f) => familyKey(f.role, f.pins, f.matedHeightMm)))).toEqual(wanted);
    expect(footprintFamilies).toHaveLength(45);
    const footprints = files.filter((f) => f.path.endsWith('.kicad_mod')).map((f) => f.path);
    expect(footprints.sort()).toEqual(
      catalogParts
        .map((p) => `Panasonic_A4S.pretty/${footprintName(p.role, p.pins, p.matedHeightMm)}.kicad_mod`)
        .filter((v, i, a) => a.indexOf(v) === i)
        .sort(),
    );
    const lib = readSexpr(byPath.get('Panasonic_A4S.kicad_sym')!);
    expect(childrenNamed(lib, 'symbol')).toHaveLength(wanted.size);
    for (const part of catalogParts) expect(familyOf(part.role, part.pins, part.matedHeightMm)?.partNumbers).toContain(part.partNumber);
    // AXE6nn124 and AXE6nn224 each have their own footprint.
    expect(footprintName('header', 40, 0.8)).toBe('Panasonic_A4S_AXE640124_2x20_P0.4mm_Header_Rev2');
    expect(footprintName('header', 40, 1.0)).toBe('Panasonic_A4S_AXE640224_2x20_P0.4mm_Header_Rev2');
    expect(familyOf('header', 40, 1.0)?.partNumbers).toEqual(['AXE640224']);
    expect(familyOf('header', 40, null)?.partNumbers).toEqual(['AXE640124', 'AXE640124D', 'AXE6E4026']);
  });

  it('is sorted by path, deterministic, and names the 40-pin socket in the library convention', () => {
    const paths = files.map((f) => f.path);
    expect(paths).toEqual([...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(paths).toContain('Panasonic_A4S.pretty/Panasonic_A4S_AXE540127_2x20_P0.4mm_Socket.kicad_mod');
    expect(paths).toEqual(expect.arrayContaining(['fp-lib-table', 'sym-lib-table', 'README.md', 'Panasonic_A4S.kicad_sym']));
    const again = kicadLibraryFiles({ models: false });
    expect(again.map((f) => [f.path, text(f.content)])).toEqual(files.map((f) => [f.path, text(f.content)]));
  });

  it('includes the STEP and VRML model of every link in the footprints (default build)', () => {
    const full = kicadLibraryFiles();
    const models = full.filter((f) => f.path.startsWith('Panasonic_A4S.3dshapes/')).map((f) => f.path);
    const linked = footprintFamilies.flatMap((f) => f.models.flatMap((m) => [`Panasonic_A4S.3dshapes/${m.name}.step`, `Panasonic_A4S.3dshapes/${m.name}.wrl`]));
    expect(models.sort()).toEqual(linked.sort());
    const wrl = full.find((f) => f.path.endsWith('AXE540127_2x20_P0.4mm_Socket.wrl'))!;
    expect(text(wrl.content)).toMatch(/^#VRML V2\.0 utf8/);
  });

  it('each library model is the file `a4s model` gives for its catalog part (one shape, both formats)', () => {
    const full = new Map(kicadLibraryFiles().map((f) => [f.path, text(f.content)]));
    for (const m of footprintFamilies.flatMap((f) => f.models)) {
      const step = stepModel(m.partNumber);
      const wrl = vrmlModel(m.partNumber);
      if (!step.ok || !wrl.ok) throw new Error(m.partNumber);
      expect(full.get(`Panasonic_A4S.3dshapes/${m.name}.step`), m.name).toBe(step.value.content);
      expect(full.get(`Panasonic_A4S.3dshapes/${m.name}.wrl`), m.name).toBe(wrl.value.content);
    }
  });

  it('every symbol: pins numbered as its footprint pads (MP included), KiCad 8 properties, pins on the 50 mil grid', () => {
    const lib = readSexpr(byPath.get('Panasonic_A4S.kicad_sym')!);
    expect(headOf(lib)).toBe('kicad_symbol_lib');
    expect(valueOf(childNamed(lib, 'version')![1])).toBe(20231120);
    for (const symbol of childrenNamed(lib, 'symbol')) {
      const props = properties(symbol);
      const fpRef = props.get('Footprint')!;
      expect(fpRef).toMatch(/^Panasonic_A4S:/);
      const fpText = byPath.get(`Panasonic_A4S.pretty/${fpRef.slice('Panasonic_A4S:'.length)}.kicad_mod`);
      expect(fpText, fpRef).toBeDefined();
      const pads = new Set(padNumbers(fpText!).filter((n) => n !== ''));
      const pins = symbolPinsOf(symbol);
      expect(new Set(pins.map((p) => p.number))).toEqual(pads);
      expect(pins.map((p) => p.number).filter((n) => n === MOUNTING_PIN.number)).toHaveLength(1);
      expect(new Set(pins.map((p) => `${p.x},${p.y}`)).size).toBe(pins.length);
      for (const p of pins) {
        expect(Math.abs(Math.round(p.x / 1.27) * 1.27 - p.x)).toBeLessThan(1e-9);
        expect(Math.abs(Math.round(p.y / 1.27) * 1.27 - p.y)).toBeLessThan(1e-9);
      }
      for (const key of ['Reference', 'Value', 'Footprint', 'Datasheet', 'Description', 'ki_keywords', 'ki_fp_filters', 'Manufacturer', 'MPN'])
        expect(props.has(key), key).toBe(true);
      expect(props.get('Manufacturer')).toBe('Panasonic');
      const family = footprintFamilies.find((f) => f.symbolName === valueOf(symbol[1]))!;
      expect(family.partNumbers).toContain(props.get('MPN'));
      expect(props.get('ki_fp_filters')).toBe(`${family.footprintName.replace(/[_-]/g, '?')}*`);
      // The symbol points to its own family's footprint (a header: its own mated height's).
      expect(fpRef).toBe(`Panasonic_A4S:${family.footprintName}`);
      // KiCad 8 properties carry no id.
      expect(childrenNamed(symbol, 'property').filter((p) => childNamed(p, 'id'))).toEqual([]);
    }
  });

  it('library tables: one KiCad library each, pointing at files the library holds', () => {
    for (const [file, head, target] of [
      ['fp-lib-table', 'fp_lib_table', 'Panasonic_A4S.pretty'],
      ['sym-lib-table', 'sym_lib_table', 'Panasonic_A4S.kicad_sym'],
    ] as const) {
      const table = readSexpr(byPath.get(file)!);
      expect(headOf(table)).toBe(head);
      const libs = childrenNamed(table, 'lib');
      expect(libs).toHaveLength(1);
      const field = (k: string) => valueOf(childNamed(libs[0]!, k)![1]);
      expect(field('name')).toBe('Panasonic_A4S');
      expect(field('type')).toBe('KiCad');
      expect(field('uri')).toBe(`\${KIPRJMOD}/${target}`);
      expect(field('options')).toBe('');
      expect(files.some((f) => f.path === target || f.path.startsWith(`${target}/`))).toBe(true);
    }
    expect(fpLibTable('/abs/lib')).toContain('(uri "/abs/lib/Panasonic_A4S.pretty")');
    expect(symLibTable('${A4S}')).toContain('(uri "${A4S}/Panasonic_A4S.kicad_sym")');
  });

  it('README states the provenance of every parameter and the checks before fabrication', () => {
    const readme = byPath.get('README.md')!;
    for (const name of LAND_PARAM_NAMES) expect(readme).toContain(`| ${name} |`);
    expect(readme).toContain('## Check before fabrication');
    expect(readme).toContain('Inkplate 5');
    expect(readme).toContain('`${KIPRJMOD}/Panasonic_A4S.3dshapes/<name>.step`');
    expect(readme).not.toContain('A4S_3DMODEL_DIR');
    for (const f of footprintFamilies) expect(readme).toContain(`| ${f.footprintName} |`);
  });

  it('footprints carry KiCad 8 syntax: version 20240108, a stroke on every line, no uuid, SMD allowing mask bridges', () => {
    for (const [path, content] of byPath) {
      if (!path.endsWith('.kicad_mod')) continue;
      const tree = readSexpr(content);
      expect(headOf(tree)).toBe('footprint');
      expect(valueOf(childNamed(tree, 'version')![1])).toBe(20240108);
      expect(valueOf(childNamed(tree, 'generator')![1])).toBe('a4s_toolkit');
      expect(content).not.toContain('(uuid');
      expect(content).not.toContain('fp_text reference');
      for (const l of [...childrenNamed(tree, 'fp_line'), ...childrenNamed(tree, 'fp_rect')]) {
        expect(childNamed(l, 'width')).toBeUndefined();
        expect(childNamed(childNamed(l, 'stroke')!, 'width')).toBeDefined();
      }
      expect(childNamed(tree, 'attr')!.slice(1)).toEqual([{ atom: 'smd' }, { atom: 'allow_soldermask_bridges' }]);
      // No drawing on a user layer (the provenance is in properties now).
      expect(content).not.toContain('Cmts.User');
      const props = new Map(childrenNamed(tree, 'property').map((p) => [String(valueOf(p[1])), String(valueOf(p[2]))]));
      expect(props.get('Provenance')).toMatch(/signalPadWidthMm = 0\.23 mm \[(reference|assumed)\]/);
      expect(props.get('Check before fabrication')).toMatch(/^1\. /);
    }
  });
});

describe('header footprints, revision 2 (the public designs of AXE610124)', () => {
  const propsOf = (pn: string) => {
    const fp = footprintFile(pn);
    if (!fp.ok) throw new Error(pn);
    const tree = readSexpr(fp.value.content);
    return { tree, props: new Map(childrenNamed(tree, 'property').map((p) => [String(valueOf(p[1])), String(valueOf(p[2]))])) };
  };
  it('0.8 mm: 4 MP pads and 10 contacts; the Provenance property cites both designs, as reference', () => {
    const { tree, props } = propsOf('AXE610124');
    const copper = childrenNamed(tree, 'pad').filter((p) => String(valueOf(p[1])) !== '');
    expect(copper.filter((p) => valueOf(p[1]) === 'MP')).toHaveLength(4);
    expect(copper).toHaveLength(14);
    const provenance = props.get('Provenance')!;
    expect(provenance).toMatch(/signalRowOffsetMm = 0\.875 mm \[reference\]/);
    expect(provenance).toMatch(/terminalPadLengthMm = 0\.9 mm \[reference\]/);
    expect(provenance).toContain('nqbit/kicad-boards dash_connector');
    expect(provenance).toContain('fenrir-naru/GPD_Pocket-mods HUB_FPC');
  });
  it('1.0 mm: the same pads, provenance assumed, saying why', () => {
    const { props } = propsOf('AXE610224');
    expect(props.get('Provenance')).toMatch(/signalRowOffsetMm = 0\.875 mm \[assumed\] assumed: the 0\.8 mm header's pattern/);
  });
  it('the library README tells users of the first header footprints to re-check placed headers', () => {
    const readme = kicadLibraryFiles({ models: false }).find((f) => f.path.endsWith('README.md'))!.content;
    expect(readme).toContain('re-check placed headers');
    expect(readme).toContain('`…_Header_Rev2`');
    expect(readme).toContain('The 1.0 mm headers (AXE6nn224) use the same values with provenance `assumed`');
  });
});

describe('footprintFile / symbolLibraryFile', () => {
  it('the library footprint is what footprintFile gives for the standard part number', () => {
    const lib = new Map(kicadLibraryFiles({ models: false }).map((f) => [f.path, text(f.content)]));
    for (const pn of ['AXE540127', 'AXE540127D', 'AXE5E4026', 'AXE610124', 'AXE664124D', 'AXE6E8026']) {
      const r = footprintFile(pn);
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      expect(r.value.content).toBe(lib.get(`Panasonic_A4S.pretty/${r.value.fileName}`));
      expect(r.value.status).toBe('standard');
    }
  });

  it('the description names every part number the footprint mates with: both tapes and the inspection parts', () => {
    const descr = (pn: string) => {
      const r = footprintFile(pn);
      if (!r.ok) throw new Error(pn);
      return String(valueOf(childNamed(readSexpr(r.value.content), 'descr')![1]));
    };
    // Catalog: the 40-pin sockets are AXE540127 (8 mm tape), AXE540127D (4 mm tape) and AXE5E4026 (inspection).
    expect(descr('AXE640124')).toContain('with sockets AXE540127, AXE540127D, AXE5E4026.');
    expect(descr('AXE540127')).toContain('with headers AXE640124, AXE640124D, AXE640224, AXE6E4026.');
    // Every family: each mating part number src/select lists for any of its parts.
    for (const family of footprintFamilies) {
      const text = descr(family.defaultPartNumber);
      for (const pn of family.partNumbers)
        for (const mate of matesOf(pn).partners) expect(text, `${family.footprintName} ${mate.partNumber}`).toContain(mate.partNumber);
    }
  });

  it('each header height has its own footprint linking its own STEP model, shown', () => {
    const links = (pn: string) => {
      const r = footprintFile(pn);
      if (!r.ok) throw new Error('expected ok');
      return [r.value.name, childrenNamed(readSexpr(r.value.content), 'model').map((m) => [valueOf(m[1]), childrenNamed(m, 'hide').length])];
    };
    expect(links('AXE640224')).toEqual([
      'Panasonic_A4S_AXE640224_2x20_P0.4mm_Header_Rev2',
      [['${KIPRJMOD}/Panasonic_A4S.3dshapes/Panasonic_A4S_AXE640224_2x20_P0.4mm_Header_Rev2.step', 0]],
    ]);
    expect(links('AXE640124D')).toEqual([
      'Panasonic_A4S_AXE640124_2x20_P0.4mm_Header_Rev2',
      [['${KIPRJMOD}/Panasonic_A4S.3dshapes/Panasonic_A4S_AXE640124_2x20_P0.4mm_Header_Rev2.step', 0]],
    ]);
    expect(links('AXE6E4026')[0]).toBe('Panasonic_A4S_AXE640124_2x20_P0.4mm_Header_Rev2');
  });

  it('invalid part numbers give the part-number error with suggestions; unlisted ones say so', () => {
    const bad = footprintFile('AXE540128');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('BAD_VARIANT');
    const odd = symbolLibraryFile('AXE541127');
    expect(odd.ok).toBe(false);
    if (!odd.ok) expect(odd.error.code).toBe('PINS_ODD');
    const unlisted = footprintFile('AXE526127');
    if (!unlisted.ok) throw new Error('expected ok');
    expect(unlisted.value.status).toBe('nonstandard');
    expect(unlisted.value.name).toBe('Panasonic_A4S_AXE526127_2x13_P0.4mm_Socket');
    expect(unlisted.value.content).toContain('NOT listed in the catalog');
    expect(padNumbers(unlisted.value.content).filter((n) => n !== '' && n !== 'MP')).toHaveLength(26);
  });

  it('overrides change the pads and show as provenance "override"; bad overrides are a typed error', () => {
    const r = footprintFile('AXE540127', { overrides: { signalPadLengthMm: 0.75 }, overrideOrigin: 'override: drawing XYZ' });
    if (!r.ok) throw new Error('expected ok');
    const pad1 = childrenNamed(readSexpr(r.value.content), 'pad').find((p) => valueOf(p[1]) === '1')!;
    expect(valueOf(childNamed(pad1, 'size')![2])).toBe(0.75);
    expect(r.value.content).toContain('signalPadLengthMm = 0.75 mm [override] override: drawing XYZ');
    expect(r.value.content).toMatch(/Land pattern provenance: override: signalPadLengthMm;/);
    // Split by role: a header footprint takes only the header section.
    const split = { socket: { signalPadLengthMm: 0.75 }, header: { signalPadLengthMm: 0.6 } };
    const header = footprintFile('AXE640124', { overrides: split, overrideOrigin: 'override: drawing XYZ' });
    if (!header.ok) throw new Error('expected ok');
    expect(header.value.content).toContain('signalPadLengthMm = 0.6 mm [override] override: drawing XYZ');
    const socketOnly = footprintFile('AXE640124', { overrides: { socket: split.socket } });
    const plain = footprintFile('AXE640124');
    if (!socketOnly.ok || !plain.ok) throw new Error('expected ok');
    expect(socketOnly.value.content).toBe(plain.value.content);
    for (const overrides of [{ signalPadLenMm: 1 }, { signalPasteRatio: 1.5 }, { signalPadWidthMm: -1 }, 'text', [1]]) {
      const bad = footprintFile('AXE540127', { overrides });
      expect(bad.ok).toBe(false);
      if (!bad.ok) expect(bad.error.code).toBe('KICAD_BAD_OVERRIDES');
    }
  });

  it('symbolLibraryFile sets MPN to the part asked for, in a one-symbol library', () => {
    const r = symbolLibraryFile('axe640224d'.toUpperCase().replace(/D$/, ''));
    if (!r.ok) throw new Error('expected ok');
    const lib = readSexpr(r.value.content);
    const symbols = childrenNamed(lib, 'symbol');
    expect(symbols).toHaveLength(1);
    expect(properties(symbols[0]!).get('MPN')).toBe('AXE640224');
    expect(valueOf(symbols[0]![1])).toBe('A4S_Header_2x20_H1.0mm');
    expect(properties(symbols[0]!).get('Footprint')).toBe('Panasonic_A4S:Panasonic_A4S_AXE640224_2x20_P0.4mm_Header_Rev2');
    expect(symbolLibrary()).toContain('(symbol "A4S_Header_2x20_H1.0mm"');
  });

  it('every KiCad code is in the error registry', () => {
    for (const code of Object.keys(KICAD_CODES)) expect(ERROR_CODES).toHaveProperty(code);
  });
});

describe('parseRoleOverrides (overrides file: flat, or split by role)', () => {
  const value = (name: string) => fc.double({ min: 0.001, max: name.endsWith('Ratio') ? 1 : 50, noNaN: true });
  const params = fc.record(Object.fromEntries(LAND_PARAM_NAMES.map((n) => [n, value(n)])), { requiredKeys: [] });

  it('a flat file applies to both roles; a split one to the roles it names (any valid parameters)', () => {
    fc.assert(
      fc.property(params, params, fc.boolean(), (socket, header, withHeader) => {
        const flat = parseRoleOverrides(socket);
        expect(flat).toEqual({ ok: true, value: { socket, header: socket } });
        const split = parseRoleOverrides(withHeader ? { socket, header } : { socket });
        expect(split).toEqual({ ok: true, value: withHeader ? { socket, header } : { socket } });
        expect(overridesFor(split.ok ? split.value : {}, 'header')).toEqual(withHeader && Object.keys(header).length ? header : undefined);
      }),
    );
    expect(parseRoleOverrides(null)).toEqual({ ok: true, value: {} });
    expect(parseRoleOverrides({ socket: null, header: { maskExpansionMm: 0.05 } })).toEqual({ ok: true, value: { header: { maskExpansionMm: 0.05 } } });
  });

  it('rejects unknown names, values out of range, a mix of flat and split, and non-objects (KICAD_BAD_OVERRIDES)', () => {
    const rejected = (raw: unknown) => {
      const r = parseRoleOverrides(raw);
      expect(r.ok, JSON.stringify(raw)).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('KICAD_BAD_OVERRIDES');
      return r.ok ? '' : r.error.message;
    };
    fc.assert(
      fc.property(
        fc
          .string({ minLength: 1 })
          .filter((k) => !(LAND_PARAM_NAMES as readonly string[]).includes(k) && k !== 'socket' && k !== 'header' && k !== '__proto__'),
        fc.constantFrom('flat', 'socket', 'header'),
        (key, where) => {
          rejected(where === 'flat' ? { [key]: 1 } : { [where]: { [key]: 1 } });
        },
      ),
    );
    expect(rejected({ header: { signalPasteRatio: 1.5 } })).toContain('header.signalPasteRatio');
    expect(rejected({ socket: { signalPadWidthMm: -1 } })).toContain('socket.signalPadWidthMm');
    expect(rejected({ socket: { maskExpansionMm: 0.05 }, signalPadLengthMm: 0.7 })).toContain('signalPadLengthMm');
    for (const raw of ['text', [1], 3, { socket: 'x' }, { header: [0.5] }]) rejected(raw);
  });
});

describe('a model per header height, mated with the socket', () => {
  const headers = footprintFamilies.filter((f) => f.role === 'header');
  it.each(headers.map((f) => [f.footprintName, f] as const))(
    "%s: its linked model, turned onto the socket at the family's mated height, sits on the socket cavity floor",
    (name, family) => {
      const r = footprintFile(family.defaultPartNumber);
      if (!r.ok) throw new Error('expected ok');
      const link = String(valueOf(childNamed(readSexpr(r.value.content), 'model')![1]));
      const model = family.models.find((m) => link.endsWith(`/${m.name}.step`));
      expect(model, link).toBeDefined();
      expect(model!.name).toBe(name);
      const socket = familyOf('socket', family.pins)!;
      const pair = matedPairModel(socket.defaultPartNumber, model!.partNumber);
      if (!pair.ok) throw new Error(pair.error.message);
      const solids = pair.value.solids;
      const socketBody = solids.find((s) => s.name === 'socket body')!;
      const headerBody = solids.find((s) => s.name === 'header body')!;
      // The cavity floor: the socket body's upward face below its top.
      const floor = Math.min(...socketBody.faces.filter((f) => f.normal[2] === 1).map((f) => f.loops[0]![0]![2]));
      const h = family.matedHeightMm!;
      expect(Math.max(...solids.map((s) => s.bounds.max[2]))).toBeCloseTo(h, 9);
      expect(headerBody.bounds.max[2]).toBeCloseTo(h, 9);
      expect(headerBody.bounds.min[2]).toBeCloseTo(floor, 9);
    },
  );

  it('the check can fail: the 0.8 mm model mated at 1.0 mm would float above the cavity floor', () => {
    const pair = matedPairModel('AXE540127', 'AXE640124');
    if (!pair.ok) throw new Error('no pair');
    const socketBody = pair.value.solids.find((s) => s.name === 'socket body')!;
    const floor = Math.min(...socketBody.faces.filter((f) => f.normal[2] === 1).map((f) => f.loops[0]![0]![2]));
    const header = pair.value.solids.find((s) => s.name === 'header body')!;
    // Same header lifted to 1.0 mm: its bottom 0.2 mm higher than the floor.
    expect(header.bounds.min[2] + 0.2 - floor).toBeGreaterThan(0.1);
  });
});
