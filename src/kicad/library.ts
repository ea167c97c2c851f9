import { builtInSeries, type Series } from '../catalog/index.js';
import {
  landPatternProblems,
  libraryNames,
  type LandPattern,
  familyLandPattern,
  familyModelLandPattern,
  type LibraryPatternOptions,
  familiesOf,
  type FamilyModel,
  type FootprintFamily,
  parseRoleOverrides,
} from '../geometry/index.js';
import { error } from '../errors.js';
import { fail, ok, type Result } from '../result.js';
import { familyFootprintText, symbolLibrary } from './files.js';
import { overridesFor } from '../geometry/index.js';
import { landPatternModel, type ModelFile, type ModelWriter } from '../model3d/index.js';
import { list, str, writeSexpr } from './sexpr.js';
import { designRules } from './design-rules.js';
import { readmeText } from './library-readme.js';
import { DEFAULT_BASE_URI, libraryPaths, modelDirOf } from './library-paths.js';

export {
  DEFAULT_BASE_URI,
  DEFAULT_MODEL_DIR,
  DRU_FILE,
  MODELS_DIR,
  modelDirOf,
  PRETTY_DIR,
  SYMBOL_FILE,
  libraryPaths,
  type LibraryPaths,
} from './library-paths.js';

export interface LibraryFile {
  readonly path: string;
  readonly content: string | Uint8Array;
}

/** One file of the library, not built yet: the CLI builds and writes them one by one (progress bar). */
export interface LibraryTask {
  readonly path: string;
  build(): string | Uint8Array;
}

export interface LibraryOptions {
  /** Folder the tables point to (KiCad path syntax); default `${KIPRJMOD}`. */
  readonly baseUri?: string;
  /** Write the 3D models (src/model3d: STEP and VRML); default true. */
  readonly models?: boolean;
  /**
   * Land-pattern parameters from the manufacturer's drawing (raw JSON or YAML value, validated
   * here): flat for every footprint, or `{ socket: {...}, header: {...} }`. They change the
   * footprints, the 3D models and the README, each showing provenance "override".
   */
  readonly overrides?: unknown;
  /** Where the overrides came from, written as their provenance (e.g. "override: user file x.yaml"). */
  readonly overrideOrigin?: string;
  /**
   * The folder the footprints link their models from (KiCad path syntax); default
   * `<baseUri>/Panasonic_A4S.3dshapes`, so that the models are found with no user-defined variable
   * when the tables' base (by default the project folder, `${KIPRJMOD}`) is where the library sits.
   */
  readonly modelDir?: string;
  /** The footprint library's nickname the symbols' Footprint fields name; default `Panasonic_A4S`. */
  readonly footprintNickname?: string;
}

const descriptionOf = (series: Series) => `Panasonic ${series.name} ${series.pitchMm} mm pitch board-to-FPC connectors (a4s toolkit)`;

/** A library-table file holding our one library: copy it into a project, or merge its `lib` line. */
function libTable(kind: 'fp_lib_table' | 'sym_lib_table', uri: string, series: Series): string {
  const names = libraryNames(series);
  const name = kind === 'fp_lib_table' ? names.footprintLibrary : names.symbolLibrary;
  return `${writeSexpr(list(kind, list('lib', list('name', str(name)), list('type', str('KiCad')), list('uri', str(uri)), list('options', str('')), list('descr', str(descriptionOf(series))))), new Set([kind]))}\n`;
}

export function fpLibTable(baseUri = DEFAULT_BASE_URI, series: Series = builtInSeries): string {
  return libTable('fp_lib_table', `${baseUri}/${libraryPaths(series).prettyDir}`, series);
}

export function symLibTable(baseUri = DEFAULT_BASE_URI, series: Series = builtInSeries): string {
  return libTable('sym_lib_table', `${baseUri}/${libraryPaths(series).symbolFile}`, series);
}

/** How a build finds each family's and each model's land pattern, computed once per build. */
interface Patterns {
  family(f: FootprintFamily): LandPattern;
  model(f: FootprintFamily, m: FamilyModel): LandPattern;
}

function patternsOf(options: LibraryPatternOptions, series: Series): Patterns {
  const families = new Map<FootprintFamily, LandPattern>();
  const models = new Map<FamilyModel, LandPattern>();
  return {
    family(f) {
      let lp = families.get(f);
      if (!lp) families.set(f, (lp = familyLandPattern(f, options, series)));
      return lp;
    },
    model(f, m) {
      let lp = models.get(m);
      if (!lp) models.set(m, (lp = familyModelLandPattern(f, m, options, series)));
      return lp;
    },
  };
}

/**
 * The STEP and the VRML file of each model. Both are written from one computation of the model's
 * shape (the first of the two tasks to run makes it, the second releases it); `ready` holds
 * models made in advance (to check them before anything is written).
 */
function modelTasks(withModels: boolean, patterns: Patterns, ready: ReadonlyMap<FamilyModel, ModelWriter>, series: Series): LibraryTask[] {
  if (!withModels) return [];
  const { modelsDir } = libraryPaths(series);
  return familiesOf(series).flatMap((family) =>
    family.models.flatMap((m): LibraryTask[] => {
      let files: ModelWriter | null = ready.get(m) ?? null;
      let pending = 2;
      const build = (write: (f: ModelWriter) => ModelFile) => () => {
        if (!files) {
          const r = landPatternModel(patterns.model(family, m), series);
          if (!r.ok) throw new Error(`3D model ${m.name} failed: ${r.error.code} ${r.error.message}`);
          files = r.value;
        }
        const content = write(files).content;
        if (--pending === 0) files = null;
        return content;
      };
      return [
        { path: `${modelsDir}/${m.name}.step`, build: build((f) => f.step()) },
        { path: `${modelsDir}/${m.name}.wrl`, build: build((f) => f.vrml()) },
      ];
    }),
  );
}

/**
 * Overridden land patterns are checked before anything is built: copper that overlaps (src/geometry)
 * and 3D shapes that cannot be drawn (src/model3d) are errors naming the footprint or model.
 */
function checkOverridden(withModels: boolean, patterns: Patterns, options: LibraryPatternOptions, series: Series): Result<Map<FamilyModel, ModelWriter>> {
  const ready = new Map<FamilyModel, ModelWriter>();
  for (const family of familiesOf(series)) {
    if (!overridesFor(options.overrides, family.role)) continue;
    const problems = landPatternProblems(patterns.family(family));
    if (problems.length > 0) {
      return fail(
        error(
          'LAND_PATTERN_INVALID',
          `With these overrides, ${family.footprintName}: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}.`,
        ),
      );
    }
    if (!withModels) continue;
    for (const m of family.models) {
      const r = landPatternModel(patterns.model(family, m), series);
      if (!r.ok) return r;
      ready.set(m, r.value);
    }
  }
  return ok(ready);
}

/**
 * Every file of the library, sorted by path (code-unit order, independent of the locale), not
 * built yet; fails on bad overrides (KICAD_BAD_OVERRIDES, LAND_PATTERN_INVALID, MODEL_SHAPE_INVALID).
 */
export function kicadLibrary(options: LibraryOptions = {}, series: Series = builtInSeries): Result<LibraryTask[]> {
  const baseUri = options.baseUri ?? DEFAULT_BASE_URI;
  const modelDir = options.modelDir ?? modelDirOf(baseUri, series);
  const families = familiesOf(series);
  const { prettyDir, symbolFile, druFile } = libraryPaths(series);
  // `null` (the value that meant "no models" before this option was a boolean) still means none.
  const models = options.models === undefined ? true : options.models === true;
  const overrides = parseRoleOverrides(options.overrides);
  if (!overrides.ok) return overrides;
  const patternOptions: LibraryPatternOptions = {
    overrides: overrides.value,
    ...(options.overrideOrigin !== undefined ? { overrideOrigin: options.overrideOrigin } : {}),
  };
  const patterns = patternsOf(patternOptions, series);
  const ready = checkOverridden(models, patterns, patternOptions, series);
  if (!ready.ok) return ready;
  const tasks: LibraryTask[] = [
    ...families.map(
      (f): LibraryTask => ({ path: `${prettyDir}/${f.footprintName}.kicad_mod`, build: () => familyFootprintText(f, patterns.family(f), modelDir, series) }),
    ),
    { path: symbolFile, build: () => symbolLibrary(options.footprintNickname, series) },
    ...modelTasks(models, patterns, ready.value, series),
    {
      path: druFile,
      build: () =>
        designRules(
          families.map((f) => patterns.family(f)),
          series,
        ),
    },
    { path: 'fp-lib-table', build: () => fpLibTable(baseUri, series) },
    { path: 'sym-lib-table', build: () => symLibTable(baseUri, series) },
    { path: 'README.md', build: () => readmeText(models, baseUri, patterns.family, patternOptions, modelDir, series) },
  ];
  return ok(tasks.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)));
}

/** `kicadLibrary` for options that cannot fail (no overrides, or overrides already checked); throws otherwise. */
export function kicadLibraryTasks(options: LibraryOptions = {}, series: Series = builtInSeries): LibraryTask[] {
  const r = kicadLibrary(options, series);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** The 3D model files the footprints link (`${MODELS_DIR}/<name>.step`), whether or not the build writes them. */
export function linkedModelFiles(series: Series = builtInSeries): string[] {
  const { modelsDir } = libraryPaths(series);
  return familiesOf(series).flatMap((f) => f.models.map((m) => `${modelsDir}/${m.name}.step`));
}

/** The complete KiCad library as files (pure: the caller writes them). */
export function kicadLibraryFiles(options: LibraryOptions = {}, series: Series = builtInSeries): LibraryFile[] {
  return kicadLibraryTasks(options, series).map((t) => ({ path: t.path, content: t.build() }));
}
