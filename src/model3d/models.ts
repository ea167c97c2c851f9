import { builtInSeries, type MatedHeightMm, type Role, type Series } from '../catalog/index.js';
import { error } from '../errors.js';
import { geometryFor, headerHeight, landPattern, libraryNames, modelName, type LandPattern, type PartGeometry } from '../geometry/index.js';
// Not in the geometry index (its types are public): the types the part-file writers share.
import type { PartFile, RoleOverrideOptions } from '../geometry/part.js';
import { fail, ok, type Result } from '../result.js';
import { connectorModel, MODEL_ASSUMPTIONS, tryConnectorModel, type ConnectorModel } from './connector.js';
import { flipAboutX, unionBounds, type Solid } from './solid.js';
import { writeStep } from './step.js';
import { writeVrml } from './vrml.js';

export type ModelFormat = 'step' | 'wrl';

export interface ModelFile extends PartFile {
  /** Where the model's numbers come from (also written into the file as comments). */
  readonly provenance: readonly string[];
}

/** Land-pattern overrides per role, already validated; a part uses those of its own role. */
export type ModelOptions = RoleOverrideOptions;

/** `<modelName>.step` / `.wrl`: the names the KiCad footprints point to. */
export function modelFileName(role: Role, pins: number, matedHeightMm: MatedHeightMm | null, format: ModelFormat, series: Series = builtInSeries): string {
  return `${modelName(role, pins, matedHeightMm, series)}.${format}`;
}

function partNotes(g: PartGeometry): string[] {
  const f = g.check.fields!;
  const notes: string[] = [];
  if (g.check.status === 'nonstandard')
    notes.push(`${g.partNumber} is not listed in the catalog (contact Panasonic sales); its dimensions are ${g.landPattern.dimensions.provenance}.`);
  if (f.inspection) notes.push('Inspection part: same external dimensions and foot pattern as the standard type (catalog).');
  if (f.role === 'header' && f.matedHeightMm === null)
    notes.push(`The catalog does not state the inspection header's mated height: the ${headerHeight(null).toFixed(1)} mm header's model is used.`);
  return notes;
}

/** The part's geometry with the overrides of its role (none: the default land pattern). */
const geometryOf = (pn: string, options: ModelOptions, series: Series): Result<PartGeometry> =>
  geometryFor(pn, options.overrides, options.overrideOrigin, series);

/** The model of a part number (tape and inspection variants share their standard part's model). */
export function partModel(
  pn: string,
  options: ModelOptions = {},
  series: Series = builtInSeries,
): Result<{ geometry: PartGeometry; model: ConnectorModel; notes: string[] }> {
  const g = geometryOf(pn, options, series);
  if (!g.ok) return g;
  const lp = g.value.landPattern;
  const model = tryConnectorModel(lp, modelName(lp.role, lp.pins, lp.matedHeightMm, series), series);
  if (!model.ok) return model;
  return ok({ geometry: g.value, model: model.value, notes: partNotes(g.value) });
}

// "A4S toolkit" is this program's name (the a4s toolkit), whatever series it draws.
function describe(model: ConnectorModel, notes: readonly string[]): string[] {
  return [
    `A4S toolkit 3D model ${model.name} (simplified; not the manufacturer's CAD data).`,
    ...notes,
    ...model.provenance,
    ...model.checksBeforeFabrication.map((c) => `Check before fabrication: ${c}`),
  ];
}

function fileOf(model: ConnectorModel, notes: readonly string[], fileName: string, content: string): ModelFile {
  return { fileName, content, provenance: [...notes, ...model.provenance], checksBeforeFabrication: model.checksBeforeFabrication };
}

function stepOf(model: ConnectorModel, notes: readonly string[]): ModelFile {
  const fileName = `${model.name}.step`;
  return fileOf(model, notes, fileName, writeStep({ fileName, productName: model.name, description: describe(model, notes), solids: model.solids }));
}

function vrmlOf(model: ConnectorModel, notes: readonly string[]): ModelFile {
  return fileOf(model, notes, `${model.name}.wrl`, writeVrml({ title: model.name, comments: describe(model, notes), solids: model.solids }));
}

/** A part's model, its shape computed once: both files are written from it (the KiCad library writes both). */
export interface ModelWriter {
  readonly name: string;
  step(): ModelFile;
  vrml(): ModelFile;
}

function writerOf(model: ConnectorModel, notes: readonly string[]): ModelWriter {
  return { name: model.name, step: () => stepOf(model, notes), vrml: () => vrmlOf(model, notes) };
}

export function modelWriter(pn: string, options: ModelOptions = {}, series: Series = builtInSeries): Result<ModelWriter> {
  const m = partModel(pn, options, series);
  return m.ok ? ok(writerOf(m.value.model, m.value.notes)) : m;
}

/**
 * The model of a land pattern already made (the KiCad library draws each footprint's model from
 * the footprint's own land pattern, overridden or not): without overrides, the same files as
 * `modelWriter` gives for a standard catalog part of that role, pin count and mated height.
 */
export function landPatternModel(lp: LandPattern, series: Series = builtInSeries): Result<ModelWriter> {
  const model = tryConnectorModel(lp, modelName(lp.role, lp.pins, lp.matedHeightMm, series), series);
  return model.ok ? ok(writerOf(model.value, [])) : model;
}

/** STEP AP214 model of a part (mm, KiCad footprint origin). */
export function stepModel(pn: string, options: ModelOptions = {}, series: Series = builtInSeries): Result<ModelFile> {
  const m = modelWriter(pn, options, series);
  return m.ok ? ok(m.value.step()) : m;
}

/** VRML 2.0 model of a part for KiCad's 3D viewer (1 unit = 0.1 inch). */
export function vrmlModel(pn: string, options: ModelOptions = {}, series: Series = builtInSeries): Result<ModelFile> {
  const m = modelWriter(pn, options, series);
  return m.ok ? ok(m.value.vrml()) : m;
}

/** Each distinct model of the catalog, once: sockets by pin count, headers by pin count and mated height. */
export function standardModels(series: Series = builtInSeries): ConnectorModel[] {
  const seen = new Map<string, ConnectorModel>();
  for (const part of series.parts) {
    if (part.inspection) continue; // same models as the standard parts (catalog: same external dimensions)
    const name = modelName(part.role, part.pins, part.matedHeightMm, series);
    if (!seen.has(name)) seen.set(name, connectorModel(landPattern(part.role, part.pins, part.matedHeightMm, {}, series), name, series));
  }
  return [...seen.values()];
}

/**
 * Every standard model as files, STEP then VRML for each, in catalog order (sockets, then
 * headers; pins; height). Byte-identical from run to run.
 */
export function allModels(series: Series = builtInSeries): ModelFile[] {
  return standardModels(series).flatMap((m) => [stepOf(m, []), vrmlOf(m, [])]);
}

/**
 * Socket and header mated: the header turned face down onto the socket, its board at the mated
 * height. Socket pin n meets header pin n (reference). One product, the header's solids renamed
 * "header …". Origin: the socket footprint's.
 */
export function matedPairModel(
  socketPn: string,
  headerPn: string,
  options: ModelOptions = {},
  series: Series = builtInSeries,
): Result<{ name: string; solids: Solid[]; description: string[]; checksBeforeFabrication: string[] }> {
  const s = partModel(socketPn, options, series);
  if (!s.ok) return s;
  const h = partModel(headerPn, options, series);
  if (!h.ok) return h;
  const socket = s.value.geometry.landPattern;
  const header = h.value.geometry.landPattern;
  if (socket.role !== 'socket' || header.role !== 'header') {
    const form = series.grammar;
    return fail(
      error(
        'PAIR_ROLES',
        `Give a socket (${form.prefix}${form.roleDigit.socket}…) then a header (${form.prefix}${form.roleDigit.header}…); got a ${socket.role} and a ${header.role}.`,
      ),
    );
  }
  if (socket.pins !== header.pins) {
    return fail(error('PAIR_PINS', `A ${socket.pins}-pin socket mates a ${socket.pins}-pin header, not a ${header.pins}-pin one.`));
  }
  const matedHeightMm: MatedHeightMm = headerHeight(header.matedHeightMm);
  const name = `${libraryNames(series).footprintLibrary}_${s.value.geometry.partNumber}_${h.value.geometry.partNumber}_Mated_H${matedHeightMm.toFixed(1)}mm`;
  const headerSolids = h.value.model.solids.map((solid) => flipAboutX(solid, matedHeightMm, solid.kind === 'body' ? solid.name : `header ${solid.name}`));
  const socketSolids = s.value.model.solids.map((solid) => (solid.kind === 'body' ? solid : { ...solid, name: `socket ${solid.name}` }));
  const solids = [...socketSolids, ...headerSolids];
  const description = [
    `A4S toolkit mated-pair model ${name} (simplified; not the manufacturer's CAD data).`,
    `Header turned face down onto the socket, its board surface at z = ${matedHeightMm} mm (catalog: mated height); socket pin n meets header pin n (reference, inferred from public designs).`,
    `Overall bounds z 0 … ${matedHeightMm} mm; bounding box ${JSON.stringify(unionBounds(solids))}.`,
    ...s.value.notes,
    ...h.value.notes,
    ...s.value.model.provenance.map((p) => `Socket: ${p}`),
    ...h.value.model.provenance.map((p) => `Header: ${p}`),
  ];
  const overlapMm = Math.round((socket.body.heightMm - (matedHeightMm - MODEL_ASSUMPTIONS.footThicknessMm.value)) * 1e4) / 1e4;
  if (overlapMm > 0) {
    description.push(
      `Simplified shapes: the header's contact feet (${MODEL_ASSUMPTIONS.footThicknessMm.value} mm thick, assumed) overlap the top of the socket's side walls by ${overlapMm} mm; the real parts leave ${Math.round((matedHeightMm - socket.body.heightMm) * 1e4) / 1e4} mm there.`,
    );
  }
  const checksBeforeFabrication = [
    ...s.value.model.checksBeforeFabrication.map((c) => `Socket: ${c}`),
    ...h.value.model.checksBeforeFabrication.map((c) => `Header: ${c}`),
  ];
  return ok({ name, solids, description, checksBeforeFabrication });
}

/** STEP of the mated pair (see matedPairModel). */
export function matedPairStep(socketPn: string, headerPn: string, options: ModelOptions = {}, series: Series = builtInSeries): Result<ModelFile> {
  const m = matedPairModel(socketPn, headerPn, options, series);
  if (!m.ok) return m;
  const fileName = `${m.value.name}.step`;
  const content = writeStep({ fileName, productName: m.value.name, description: m.value.description, solids: m.value.solids });
  return ok({ fileName, content, provenance: m.value.description.slice(1), checksBeforeFabrication: m.value.checksBeforeFabrication });
}
