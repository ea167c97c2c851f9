/**
 * Issue 22, item 2: a catalog edition is a file. A made-up second edition, built from the real
 * catalog with another prefix (ZQX for AXE) and another series name (Q9T for A4S) everywhere in the
 * file (table part numbers, the grammar's prefix, inspection patterns, the document's title and
 * its quotations), is run through every CLI command (`--catalog <file>`), the server's routes
 * (`createApp({ series })`, heavy jobs in a worker thread) and the library (`createToolkit`).
 *
 * Metamorphic: each output of the second edition equals the built-in one's with AXE → ZQX and
 * A4S → Q9T, and its exit code or status is the built-in one's. As the file has no AXE and no A4S
 * left (but the KEPT phrases below, which are not the series' name), an output naming either comes
 * from the code (a literal, or a function not given the series), which is what this test finds. Not compared (documentation of the program itself, not of
 * an edition): the OpenAPI document and the error registry (/api/openapi.json, /api/errors).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInSeries, type Series } from '../src/catalog/index.js';
import { commands } from '../src/cli/commands/index.js';
import * as library from '../src/index.js';
import { createToolkit, loadSeries } from '../src/index.js';
import { createApp, type A4sApp } from '../src/server/index.js';
import { readCatalogEdition } from '../src/server/catalog.js';
import { cli, type CliRun } from './run-cli.js';

const REPO = new URL('..', import.meta.url).pathname;
const CATALOG_TEXT = readFileSync(join(REPO, 'data/a4s.catalog.json'), 'utf8');

/**
 * Where A4S or AXE is not the edition's, kept in both: the program's name ("A4S toolkit", as the
 * STEP header writes it), the repository's source files the catalog cites (the transcription
 * data/source/A4S-catalog.txt, the reference data/source/A4S-reference.md: real files, not part of an
 * edition), and the reference's evidence for the land patterns, real boards' parts ("production
 * footprint of the 40-pin socket AXE540127 (Inkplate 5 …)", "two fabricated public footprints of
 * AXE610124", the library README's "AXE610124 (nqbit/kicad-boards …"): quotations, whatever the edition.
 */
const KEPT = /(A4S toolkit|A4S-catalog\.txt|A4S-reference\.md|socket AXE540127 \(Inkplate|footprints of AXE610124|AXE610124 \(nqbit)/;
/** What the second edition says where the built-in one says AXE or A4S (but the KEPT phrases). */
const toSecond = (text: string): string =>
  text
    .split(KEPT)
    .map((piece, i) =>
      i % 2 === 1
        ? piece
        : // The PCM identifier writes the series name in lower case (org.a4s-toolkit.panasonic-a4s).
          piece.replaceAll('AXE', 'ZQX').replaceAll('A4S', 'Q9T').replaceAll('panasonic-a4s', 'panasonic-q9t'),
    )
    .join('');
/** The text without the KEPT phrases: what must name no AXE and no A4S. */
const withoutKept = (text: string): string => text.replace(new RegExp(KEPT.source, 'g'), '');
const SECOND_TEXT = toSecond(CATALOG_TEXT);

// Input files of the commands, the same in both folders but for the part numbers.
const INPUTS: Readonly<Record<string, string>> = {
  'small-map.yaml': 'bench/fixtures/small-map.yaml',
  'small-map.csv': 'bench/fixtures/small-map.csv',
  'small-bom.csv': 'bench/fixtures/small-bom.csv',
  'display-40.yaml': 'test/fixtures/pinmaps/display-40.yaml',
  'j2.net': 'test/fixtures/kicad/a4s-j2.net',
};

let root: string;
let builtInDir: string;
let secondDir: string;
let editionFile: string;
let second: Series;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'a4s-second-edition-'));
  builtInDir = join(root, 'built-in');
  secondDir = join(root, 'second');
  for (const dir of [builtInDir, secondDir]) mkdirSync(dir);
  for (const [name, path] of Object.entries(INPUTS)) {
    const text = readFileSync(join(REPO, path), 'utf8');
    writeFileSync(join(builtInDir, name), text);
    writeFileSync(join(secondDir, name), toSecond(text));
  }
  editionFile = join(root, 'q9t.catalog.json');
  writeFileSync(editionFile, SECOND_TEXT);
  const loaded = loadSeries(JSON.parse(SECOND_TEXT), 'q9t.catalog.json');
  if (!loaded.ok) throw new Error(loaded.error.message);
  second = loaded.value as Series;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the made-up edition', () => {
  it('has no AXE and no A4S left, and is a valid catalog of its own grammar (prefix ZQX, series Q9T)', () => {
    expect(withoutKept(SECOND_TEXT)).not.toMatch(/AXE|A4S/);
    expect(second.name).toBe('Q9T');
    expect(second.grammar.prefix).toBe('ZQX');
    expect(second.parts.length).toBe(builtInSeries.parts.length);
    expect(second.parts.map((p) => p.partNumber)).toEqual(builtInSeries.parts.map((p) => toSecond(p.partNumber)));
    expect(second.catalog.document.title).toContain('Q9T');
  });
});

// ---- the CLI -----------------------------------------------------------------------------------

/** Runs the same words (with its part numbers) in each folder: built-in, and with --catalog. */
async function both(args: readonly string[], stdin = ''): Promise<{ builtIn: CliRun; second: CliRun }> {
  const builtIn = await cli([...args], stdin, { cwd: builtInDir });
  const ed = await cli(['--catalog', editionFile, ...args.map(toSecond)], toSecond(stdin), { cwd: secondDir });
  return { builtIn, second: ed };
}

/**
 * A zip's size and digest as a command reports them (kicad-pcm, easyeda-lib): they differ between editions (the
 * compressed bytes of other names), so they are compared as placeholders; the files are compared
 * one by one (expectSameFiles).
 */
const zipFigures = (text: string): string =>
  text
    .replace(/\(\d+ bytes, sha256 [0-9a-f]{64}\)/g, '(<size> bytes, sha256 <digest>)')
    .replace(/\(EasyEDA Pro library, \d+ bytes\)/g, '(EasyEDA Pro library, <size> bytes)');

/** The second edition's run is the built-in one's with its names: same exit code, same output but for AXE → ZQX, A4S → Q9T. */
function expectMetamorphic(runs: { builtIn: CliRun; second: CliRun }, what: string): void {
  expect(runs.builtIn.stderr, `${what}: the built-in run itself`).not.toMatch(/error \[INTERNAL\]/);
  expect(runs.second.code, `${what}: exit code (stderr: ${runs.second.stderr.slice(0, 300)})`).toBe(runs.builtIn.code);
  expect(zipFigures(runs.second.stdout), `${what}: standard output`).toBe(zipFigures(toSecond(runs.builtIn.stdout)));
  expect(runs.second.stderr, `${what}: standard error`).toBe(toSecond(runs.builtIn.stderr));
  expect(withoutKept(runs.second.stdout + runs.second.stderr), `${what}: names no AXE part and no A4S`).not.toMatch(/AXE|A4S/);
}

/** Every file under a folder, by its path relative to it. */
function tree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

const isBinary = (bytes: Uint8Array): boolean => /[\x00-\x08]/.test(Buffer.from(bytes.subarray(0, 4096)).toString('latin1'));
/** Identifiers a writer derives from names by hashing (EasyEDA's 32-hex uuids), in the order they appear. */
const HASH_ID = /\b[0-9a-f]{32}\b/g;
const hashIds = (files: Map<string, Uint8Array>): string[] =>
  [...files].flatMap(([name, bytes]) =>
    [...name.matchAll(HASH_ID), ...(isBinary(bytes) ? [] : Buffer.from(bytes).toString('latin1').matchAll(HASH_ID))].map((m) => m[0]),
  );

/**
 * Two sets of files (a folder, a zip, in the order written): the second's names and texts are the
 * built-in's with its names. Identifiers hashed from names differ by construction: the built-in
 * one's k-th stands for the second's k-th (the same structure), one to one.
 */
function expectSameFiles(builtIn: Map<string, Uint8Array>, ed: Map<string, Uint8Array>, what: string): void {
  expect(builtIn.size, `${what}: files written`).toBeGreaterThan(0);
  const [idsA, idsB] = [hashIds(builtIn), hashIds(ed)];
  expect(idsB.length, `${what}: hashed identifiers`).toBe(idsA.length);
  const ids = new Map<string, string>();
  for (const [k, id] of idsA.entries()) {
    expect(ids.get(id) ?? idsB[k], `${what}: identifier ${id} stands for one identifier`).toBe(idsB[k]);
    ids.set(id, idsB[k]!);
  }
  const mapped = (text: string) => toSecond(text).replace(HASH_ID, (id) => ids.get(id) ?? id);
  expect([...ed.keys()].sort(), `${what}: file names`).toEqual([...builtIn.keys()].map(mapped).sort());
  for (const [name, bytes] of builtIn) {
    const other = ed.get(mapped(name));
    if (other === undefined) continue; // said by the names above
    // Text files compare as text with the names replaced; binary ones (an icon) byte for byte.
    if (isBinary(bytes)) expect(Buffer.from(other).equals(Buffer.from(bytes)), `${what}: ${name}`).toBe(true);
    else expect(Buffer.from(other).toString('latin1'), `${what}: ${name}`).toBe(mapped(Buffer.from(bytes).toString('latin1')));
  }
}

const zipEntries = (bytes: Uint8Array): Map<string, Uint8Array> => new Map(Object.entries(unzipSync(bytes)));

/**
 * The runs of each command: the words as for the built-in catalog (they name AXE parts; the second
 * edition's run names the ZQX ones). Every command of the table has at least one (checked below).
 */
const RUNS: Readonly<Record<string, readonly (readonly string[])[]>> = {
  decode: [
    ['AXE540127', 'AXE634224', 'AXE520127D', 'AXE5E4026', 'AXE534124'],
    ['--json', 'AXE540127', 'AXE640224', 'AXE999'],
  ],
  parts: [[], ['--json'], ['--role', 'header', '--pins', '40']],
  mate: [['AXE540127'], ['AXE640224', '--json']],
  dims: [['AXE640124'], ['AXE5E4026', '--json']],
  spec: [[], ['inspection'], ['rated-current', '--json']],
  explain: [['AXE540127'], ['AXE640224', '--json']],
  footprint: [['AXE540127'], ['AXE634224', '--json']],
  symbol: [['AXE540127']],
  model: [['AXE540127'], ['AXE634224', '--format', 'wrl']],
  drawing: [['AXE540127']],
  'verify-footprint': [], // below: it reads a footprint the same edition wrote
  'circuit-json': [['AXE540127']],
  'eagle-lib': [['-']],
  'easyeda-lib': [], // below: a zip
  'kicad-lib': [], // below: a folder
  'kicad-pcm': [], // below: a zip
  check: [
    ['small-map.yaml', '--json'],
    ['--part', 'AXE510127', 'small-map.csv'],
    ['display-40.yaml', '--format', 'md'],
    ['--netlist', 'j2.net', '--ref', 'J2', '--json'],
  ],
  bom: [['small-bom.csv'], ['small-bom.csv', '--json', '--boards', '3']],
  order: [
    ['AXE540127', '12000'],
    ['AXE5E4026', '60', '--json'],
  ],
};

describe('every CLI command works from the second edition (--catalog <file>)', () => {
  it('covers every command of the table', () => {
    expect(Object.keys(RUNS).sort()).toEqual(commands.map((c) => c.name).sort());
  });

  for (const [name, runs] of Object.entries(RUNS)) {
    for (const args of runs) {
      it(`${name} ${args.join(' ')}`, async () => {
        expectMetamorphic(await both([name, ...args]), `${name} ${args.join(' ')}`);
      }, 300_000);
    }
  }

  it('decode - reads the part numbers from standard input', async () => {
    expectMetamorphic(await both(['decode', '-'], 'AXE540127\nAXE640224D\n'), 'decode -');
  }, 300_000);

  it('verify-footprint: the edition’s own footprint verifies against its own part', async () => {
    for (const [dir, pn, catalog] of [
      [builtInDir, 'AXE640124', []],
      [secondDir, 'ZQX640124', ['--catalog', editionFile]],
    ] as const) {
      const written = await cli([...catalog, 'footprint', pn, '-o', 'fp.kicad_mod'], '', { cwd: dir });
      expect(written.code, written.stderr).toBe(0);
    }
    expectMetamorphic(await both(['verify-footprint', 'fp.kicad_mod', '--json']), 'verify-footprint --json');
    expectMetamorphic(await both(['verify-footprint', 'fp.kicad_mod', '--part', 'AXE640124']), 'verify-footprint --part');
  }, 300_000);

  it('kicad-lib writes the same library, named for the edition', async () => {
    const runs = await both(['kicad-lib', 'lib']);
    expectMetamorphic(runs, 'kicad-lib');
    expectSameFiles(tree(join(builtInDir, 'lib')), tree(join(secondDir, 'lib')), 'kicad-lib');
  }, 300_000);

  it('kicad-pcm writes the same package, named for the edition', async () => {
    const runs = await both(['kicad-pcm', 'pcm.zip']);
    expectMetamorphic(runs, 'kicad-pcm');
    expectSameFiles(zipEntries(readFileSync(join(builtInDir, 'pcm.zip'))), zipEntries(readFileSync(join(secondDir, 'pcm.zip'))), 'kicad-pcm');
  }, 300_000);

  it('easyeda-lib writes the same library, named for the edition', async () => {
    const runs = await both(['easyeda-lib', 'lib.elibz']);
    expectMetamorphic(runs, 'easyeda-lib');
    expectSameFiles(zipEntries(readFileSync(join(builtInDir, 'lib.elibz'))), zipEntries(readFileSync(join(secondDir, 'lib.elibz'))), 'easyeda-lib');
  }, 300_000);
});

// ---- the server --------------------------------------------------------------------------------

describe('the server answers for the second edition (createApp({ series }), heavy jobs in a worker)', () => {
  let builtInApp: A4sApp;
  let secondApp: A4sApp;
  beforeAll(() => {
    builtInApp = createApp({ pool: { size: 0 } });
    // A worker thread: the catalog goes to it as workerData, the series is built there.
    secondApp = createApp({ series: second, pool: { size: 1 } });
  });
  afterAll(async () => {
    await builtInApp.close();
    await secondApp.close();
  });

  it('GET /api/edition names the edition served', async () => {
    expect(await (await builtInApp.request('/api/edition')).json()).toMatchObject({ series: 'A4S', prefix: 'AXE', builtIn: true });
    expect(await (await secondApp.request('/api/edition')).json()).toEqual({
      series: 'Q9T',
      prefix: 'ZQX',
      title: second.catalog.document.title,
      manufacturer: second.catalog.document.manufacturer,
      builtIn: false,
    });
  });

  const GETS = [
    '/api/parts',
    '/api/parts?role=socket&pins=40',
    '/api/parts/AXE540127',
    '/api/parts/AXE534124',
    '/api/parts/AXE5E4026',
    '/api/parts/AXE540127/mates',
    '/api/parts/AXE640224/explain',
    '/api/parts/AXE540127/footprint.kicad_mod',
    '/api/parts/AXE640124/symbol.kicad_sym',
    '/api/parts/AXE540127/model.step',
    '/api/parts/AXE640224/model.wrl',
    '/api/parts/AXE540127/drawing.svg',
    '/api/parts/AXE540127/circuit.json',
    '/api/order?pn=AXE540127&qty=12000',
    '/api/library.lbr',
  ];
  const POSTS: readonly [string, string, string][] = [
    ['/api/check?part=AXE510127', 'small-map.csv', 'text/csv'],
    ['/api/check', 'display-40.yaml', 'application/yaml'],
    ['/api/bom?boards=2', 'small-bom.csv', 'text/csv'],
  ];

  /** The answer as text with the headers that name things (the file offered for download). */
  const answer = async (res: Response) => ({
    status: res.status,
    type: res.headers.get('content-type'),
    disposition: res.headers.get('content-disposition'),
    body: await res.text(),
  });
  const expectSameAnswer = async (a: Response, b: Response, what: string) => {
    const [x, y] = [await answer(a), await answer(b)];
    expect(y.status, `${what}: status (${y.body.slice(0, 200)})`).toBe(x.status);
    expect(y.type, `${what}: type`).toBe(x.type);
    expect(y.disposition, `${what}: file name`).toBe(x.disposition === null ? null : toSecond(x.disposition));
    expect(y.body, `${what}: body`).toBe(toSecond(x.body));
    expect(withoutKept(y.body), `${what}: names no AXE part and no A4S`).not.toMatch(/AXE|A4S/);
  };

  for (const path of GETS) {
    it(`GET ${path}`, async () => {
      await expectSameAnswer(await builtInApp.request(path), await secondApp.request(toSecond(path)), `GET ${path}`);
    }, 300_000);
  }
  for (const [path, file, type] of POSTS) {
    it(`POST ${path} (${file})`, async () => {
      const body = readFileSync(join(REPO, INPUTS[file]!), 'utf8');
      const post = (app: A4sApp, p: string, text: string) => app.request(p, { method: 'POST', body: text, headers: { 'content-type': type } });
      await expectSameAnswer(await post(builtInApp, path, body), await post(secondApp, toSecond(path), toSecond(body)), `POST ${path}`);
    }, 300_000);
  }
  it('POST /api/verify-footprint: the edition’s own footprint, in the worker', async () => {
    const fp = async (app: A4sApp, pn: string) => (await app.request(`/api/parts/${pn}/footprint.kicad_mod`)).text();
    const [a, b] = [await fp(builtInApp, 'AXE640124'), await fp(secondApp, 'ZQX640124')];
    const post = (app: A4sApp, text: string) => app.request('/api/verify-footprint', { method: 'POST', body: text, headers: { 'content-type': 'text/plain' } });
    await expectSameAnswer(await post(builtInApp, a), await post(secondApp, b), 'POST /api/verify-footprint');
  }, 300_000);
  for (const path of ['/api/library.zip', '/api/library-pcm.zip', '/api/library.elibz']) {
    it(`GET ${path}: the same files, named for the edition`, async () => {
      const [a, b] = [await builtInApp.request(path), await secondApp.request(path)];
      expect(b.status).toBe(a.status);
      expect(b.headers.get('content-disposition')).toBe(toSecond(a.headers.get('content-disposition') ?? ''));
      expectSameFiles(zipEntries(new Uint8Array(await a.arrayBuffer())), zipEntries(new Uint8Array(await b.arrayBuffer())), path);
    }, 300_000);
  }
});

// ---- the library -------------------------------------------------------------------------------

describe('the library: createToolkit(loadSeries(edition))', () => {
  const same = (a: unknown, b: unknown, what: string) => {
    const [x, y] = [JSON.stringify(a), JSON.stringify(b)];
    expect(y, what).toBe(toSecond(x));
    expect(withoutKept(y), `${what}: names no AXE part and no A4S`).not.toMatch(/AXE|A4S/);
  };
  it('each function answers for the edition as the package does for the built-in one', () => {
    const tk = createToolkit(second);
    const bi = createToolkit(builtInSeries);
    if ('ok' in tk || 'ok' in bi) throw new Error('createToolkit refused a series');
    expect(tk.series).toBe(second);
    expect(tk.catalogParts).toBe(second.parts);
    same(bi.checkPartNumber('AXE540127'), tk.checkPartNumber('ZQX540127'), 'checkPartNumber');
    same(bi.describePart('AXE640224D'), tk.describePart('ZQX640224D'), 'describePart');
    same(bi.explainPart('AXE540127'), tk.explainPart('ZQX540127'), 'explainPart');
    same(bi.queryParts({ role: 'socket' }), tk.queryParts({ role: 'socket' }), 'queryParts');
    same(bi.matesOf('AXE540127'), tk.matesOf('ZQX540127'), 'matesOf');
    same(bi.dimensionsFor('socket', 40, null), tk.dimensionsFor('socket', 40, null), 'dimensionsFor');
    same(bi.footprintFile('AXE540127'), tk.footprintFile('ZQX540127'), 'footprintFile');
    same(bi.symbolLibraryFile('AXE540127'), tk.symbolLibraryFile('ZQX540127'), 'symbolLibraryFile');
    same(bi.stepModel('AXE540127'), tk.stepModel('ZQX540127'), 'stepModel');
    same(bi.drawingSvg('AXE540127'), tk.drawingSvg('ZQX540127'), 'drawingSvg');
    same(bi.circuitJsonPart('AXE540127'), tk.circuitJsonPart('ZQX540127'), 'circuitJsonPart');
    same(bi.orderQuantities('AXE540127', 12000), tk.orderQuantities('ZQX540127', 12000), 'orderQuantities');
    const bom = readFileSync(join(REPO, INPUTS['small-bom.csv']!), 'utf8');
    same(bi.checkBomText(bom, {}), tk.checkBomText(toSecond(bom), {}), 'checkBomText');
    const map = readFileSync(join(REPO, INPUTS['small-map.yaml']!), 'utf8');
    const [pa, pb] = [bi.parsePinMapText(map, 'yaml'), tk.parsePinMapText(toSecond(map), 'yaml')];
    same(pa, pb, 'parsePinMapText');
    if ('ok' in pa && pa.ok && 'ok' in pb && pb.ok) same(bi.checkPinMap(pa.value), tk.checkPinMap(pb.value), 'checkPinMap');
    const fa = bi.footprintFile('AXE640124');
    const fb = tk.footprintFile('ZQX640124');
    if (fa.ok && fb.ok) same(bi.verifyFootprint(fa.value.content, {}), tk.verifyFootprint(fb.value.content, {}), 'verifyFootprint');
    same(bi.eagleLibrary(), tk.eagleLibrary(), 'eagleLibrary');
  }, 300_000);
  it('the package’s own functions are the built-in toolkit’s, and ignore an argument put where the series goes', () => {
    const bi = createToolkit(builtInSeries);
    if ('ok' in bi) throw new Error('createToolkit refused the built-in series');
    expect(bi.checkPartNumber).toBe(library.checkPartNumber);
    expect(bi.footprintFile).toBe(library.footprintFile);
    expect((library.checkPartNumber as (pn: string, x: unknown) => { status: string })('AXE540127', second).status).toBe('standard');
  });
  it('loadSeries refuses a catalog with a wrong field (CATALOG_INVALID naming its path); createToolkit refuses what is not a series', () => {
    const data = JSON.parse(SECOND_TEXT);
    data.series.pitchMm = 'wide';
    const r = loadSeries(data, 'bad.json');
    expect(r).toMatchObject({ ok: false, error: { code: 'CATALOG_INVALID' } });
    if (!r.ok) expect(r.error.message).toContain('series.pitchMm');
    expect(createToolkit(JSON.parse(SECOND_TEXT) as never)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });
});

// ---- a catalog file that cannot be used ---------------------------------------------------------

describe('--catalog and A4S_CATALOG refuse a file that is not a catalog, with its code', () => {
  const write = (name: string, content: string | Buffer) => {
    const path = join(root, name);
    writeFileSync(path, content);
    return path;
  };
  const refused = async (file: string, code: string, mentions: RegExp) => {
    const r = await cli(['--catalog', file, 'decode', 'AXE540127']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^error \\[${code}\\]: `));
    expect(r.stderr).toMatch(mentions);
    const json = await cli(['--catalog', file, 'decode', '--json', 'AXE540127']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stderr)).toMatchObject({ error: { code } });
    const server = readCatalogEdition(file);
    expect(server).toMatchObject({ ok: false, error: { code } });
    if (!server.ok) expect(server.error.message).toMatch(/A4S_CATALOG/);
  };

  it('a wrong field: CATALOG_INVALID naming its path', async () => {
    const data = JSON.parse(SECOND_TEXT);
    data.productTypes[0].rows[2].pins = 'twelve';
    await refused(write('wrong-field.json', JSON.stringify(data)), 'CATALOG_INVALID', /productTypes\.0\.rows\.2\.pins/);
  });
  it('numbers that do not follow its own grammar: CATALOG_INVALID naming the record', async () => {
    const data = JSON.parse(SECOND_TEXT);
    data.productTypes[1].rows[0].header = 'ZQX610125D';
    await refused(
      write('off-grammar.json', JSON.stringify(data)),
      'CATALOG_INVALID',
      /productTypes\.1\.rows\.0\.header: ZQX610125D does not follow the grammar/,
    );
    const prefix = JSON.parse(CATALOG_TEXT);
    prefix.partNumberGrammar.form.prefix = 'ZQX'; // the tables still say AXE
    await refused(write('prefix-only.json', JSON.stringify(prefix)), 'CATALOG_INVALID', /inconsistent/);
  });
  it('not JSON: CATALOG_INVALID; not text: INPUT_NOT_TEXT', async () => {
    await refused(write('not-json.json', '{ "schemaVersion": 1,'), 'CATALOG_INVALID', /not JSON/);
    await refused(write('binary.json', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 1, 2, 3])), 'INPUT_NOT_TEXT', /not text/);
  });
  it('missing, a folder, too large: CATALOG_UNREADABLE', async () => {
    await refused(join(root, 'no-such.json'), 'CATALOG_UNREADABLE', /no such file/);
    await refused(root, 'CATALOG_UNREADABLE', /folder/);
    await refused(write('huge.json', Buffer.alloc(4 * 1024 * 1024 + 10, 0x20)), 'CATALOG_UNREADABLE', /4,194,304 bytes/);
  });
  it('the built-in catalog is used without --catalog, and the option works after the command name too', async () => {
    expect((await cli(['decode', 'AXE540127'])).code).toBe(0);
    const after = await cli(['decode', '--catalog', join(root, 'no-such.json'), 'AXE540127']);
    expect(after.code).toBe(2);
    expect(after.stderr).toMatch(/CATALOG_UNREADABLE/);
  });
});
