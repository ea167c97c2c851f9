import { builtInSeries, type Series } from '../catalog/index.js';
import {
  BODY_HALF_WIDTH_MM,
  familyHeight,
  footprintName,
  libraryNames,
  GRID_MM,
  MOUNTING_PIN,
  PIN_LENGTH_MM,
  symbolName,
  symbolPins,
  type SymbolPin,
} from '../geometry/index.js';
import { DATASHEET_URL, footprintId, type PartsInfo } from './describe.js';
import { GENERATOR, GENERATOR_VERSION, heightText } from './footprint.js';
import { atom, list, prewritten, shared, str, writeSexprBlock, type SList, type SNode } from './sexpr.js';

/**
 * KiCad 8 symbol-library format (20231120): KiCad 8, 9 and later read it natively. Properties
 * carry no `id`; the description is the `Description` property (KiCad 6's `ki_description`).
 */
export const SYMBOL_FORMAT_VERSION = 20231120;
const BLOCKS: ReadonlySet<string> = new Set(['kicad_symbol_lib', 'symbol', 'rectangle', 'pin']);

export { DATASHEET_URL } from './describe.js';
export const MANUFACTURER = 'Panasonic';

const TEXT_MM = 1.27;

const makeEffects = (hidden: boolean, justify?: 'left' | 'right'): SList =>
  list('effects', list('font', list('size', TEXT_MM, TEXT_MM)), ...(justify ? [list('justify', atom(justify))] : []), ...(hidden ? [atom('hide')] : []));
// The two common effects (a library has thousands of pins) are written once and reused verbatim.
const SHOWN_EFFECTS = prewritten(makeEffects(false));
const HIDDEN_EFFECTS = prewritten(makeEffects(true));
const effects = (hidden: boolean, justify?: 'left' | 'right'): SNode => (justify ? makeEffects(hidden, justify) : hidden ? HIDDEN_EFFECTS : SHOWN_EFFECTS);

function property(name: string, value: string, x: number, y: number, hidden: boolean, justify?: 'left' | 'right'): SList {
  return list('property', str(name), str(value), list('at', x, y, 0), effects(hidden, justify));
}

export interface SymbolInfo extends PartsInfo {
  /** The MPN field: the part number asked for, or the family's default part number. */
  readonly mpn: string;
}

export function symbolDescription(info: SymbolInfo, series: Series = builtInSeries): string {
  const heights = info.matedHeightsMm.length ? `, mated height ${heightText(info.matedHeightsMm)}` : '';
  const others = info.nonstandardPartNumber ? ` NOT listed in the catalog: ask Panasonic sales.` : ` Same symbol for ${info.partNumbers.join(', ')}.`;
  return `Panasonic ${series.name} board-to-FPC ${info.role}, ${info.pins} pins, ${series.pitchMm} mm pitch${heights}; soldering terminals on pin MP.${others} Its footprint's land pattern is not Panasonic's drawing: read the footprint's Check before fabrication property before fabrication.`;
}

/** KLC S5.2: the footprint's name with "_" and "-" written as the one-character wildcard "?", then "*". */
export function footprintFilter(footprint: string): string {
  return `${footprint.replace(/[_-]/g, '?')}*`;
}

// A symbol's pins depend on its pin count only: the socket's and the headers' symbols of one pin
// count share them (marked `shared`: the writer writes their text once).
const pinNodesByCount = new Map<number, readonly SNode[]>();

function pinNodesOf(count: number, pins: readonly SymbolPin[]): readonly SNode[] {
  let nodes = pinNodesByCount.get(count);
  if (nodes === undefined) {
    nodes = pins.map((p) =>
      shared(
        list(
          'pin',
          atom('passive'),
          atom('line'),
          list('at', p.xMm, p.yMm, p.angleDeg),
          list('length', PIN_LENGTH_MM),
          list('name', str(p.name), effects(false)),
          list('number', str(p.number), effects(false)),
        ),
      ),
    );
    pinNodesByCount.set(count, nodes);
  }
  return nodes;
}

export function symbolTree(info: SymbolInfo, footprintLibrary?: string, series: Series = builtInSeries): SList {
  const height = familyHeight(info.role, info.matedHeightsMm[0] ?? null);
  const name = symbolName(info.role, info.pins, height, series);
  const pins = symbolPins(info.pins);
  const signal = pins.filter((p) => p.number !== MOUNTING_PIN.number);
  const topY = Math.max(...signal.map((p) => p.yMm)) + GRID_MM;
  const bottomY = Math.min(...signal.map((p) => p.yMm)) - GRID_MM;
  const fp = footprintName(info.role, info.pins, height, series);
  // KLC S6.2.7: no filler words ("board-to-FPC" would bring "to").
  const keywords = [
    'connector',
    'FPC',
    'board',
    series.name,
    'Panasonic',
    info.role,
    ...(info.nonstandardPartNumber ? [info.nonstandardPartNumber] : info.partNumbers),
  ].join(' ');
  const pinNodes = pinNodesOf(info.pins, pins);
  return list(
    'symbol',
    str(name),
    list('pin_names', list('offset', 1.016), atom('hide')),
    list('exclude_from_sim', atom('no')),
    list('in_bom', atom('yes')),
    list('on_board', atom('yes')),
    property('Reference', 'J', 0, topY + TEXT_MM, false),
    property('Value', name, 0, bottomY - PIN_LENGTH_MM - 2 * TEXT_MM, false),
    property('Footprint', footprintId(fp, footprintLibrary ?? libraryNames(series).footprintLibrary), 0, bottomY - PIN_LENGTH_MM - 4 * TEXT_MM, true),
    property('Datasheet', DATASHEET_URL, 0, 0, true),
    property('Description', symbolDescription(info, series), 0, 0, true),
    property('ki_keywords', keywords, 0, 0, true),
    property('ki_fp_filters', footprintFilter(fp), 0, 0, true),
    property('Manufacturer', MANUFACTURER, 0, 0, true),
    property('MPN', info.mpn, 0, 0, true),
    list(
      'symbol',
      str(`${name}_0_1`),
      list(
        'rectangle',
        list('start', -BODY_HALF_WIDTH_MM, topY),
        list('end', BODY_HALF_WIDTH_MM, bottomY),
        list('stroke', list('width', 0.254), list('type', atom('default')), list('color', 0, 0, 0, 0)),
        list('fill', list('type', atom('background'))),
      ),
    ),
    list('symbol', str(`${name}_1_1`), ...pinNodes),
  );
}

export function symbolLibraryText(infos: readonly SymbolInfo[], footprintLibrary?: string, series: Series = builtInSeries): string {
  const library = list(
    'kicad_symbol_lib',
    list('version', SYMBOL_FORMAT_VERSION),
    list('generator', str(GENERATOR)),
    list('generator_version', str(GENERATOR_VERSION)),
  );
  // One symbol's tree at a time (the text is the same as writing the whole tree).
  const symbols = (function* () {
    for (const info of infos) yield symbolTree(info, footprintLibrary, series);
  })();
  return `${writeSexprBlock(library, symbols, BLOCKS)}\n`;
}
