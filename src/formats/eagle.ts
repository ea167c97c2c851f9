import { builtInSeries, type Series } from '../catalog/index.js';
import {
  COURTYARD_LINE_WIDTH_MM,
  FAB_LINE_WIDTH_MM,
  SILK_LINE_WIDTH_MM,
  type LandPattern,
  type Segment,
  familiesOf,
  familyLandPattern,
  footprintNote,
  libraryNames,
  MOUNTING_PIN,
  symbolPins,
  type FootprintFamily,
} from '../geometry/index.js';

/**
 * The whole library as one Eagle 9 XML library (`.lbr`, eagle.dtd of Eagle 9.6), read by Eagle,
 * Fusion Electronics and the importers of other tools (KiCad's among them):
 * - a package per footprint family, the same land pattern as the `.kicad_mod` (Eagle's y axis
 *   points up: y is negated). Copper pads are `smd` with the solder-mask opening (`stop`); the
 *   stencil openings are rectangles on tCream (pads have `cream="no"`), as our KiCad files carry
 *   them as separate paste pads. The soldering terminals are pads MP1 … MPn (Eagle needs unique
 *   pad names); the symbol's MP pin connects to all of them. Silkscreen on tPlace, body outline on
 *   tDocu, courtyard on tKeepout (the layer Eagle libraries and KiCad's importer use for it);
 *   provenance of every number in the description.
 * - a symbol per role and pin count (the KiCad symbol's pin layout, mm);
 * - a device set per family with a technology per catalog part number (tapes, inspection part,
 *   header heights) carrying the attributes MPN and MANUFACTURER.
 * Deterministic: the same bytes on every run.
 */
export const EAGLE_VERSION = '9.6.2';
/** The library's name in the file: the series' library name (`Panasonic_A4S`). */
export function eagleLibraryName(series: Series = builtInSeries): string {
  return libraryNames(series).footprintLibrary;
}
/** The built-in edition's library name; code takes `eagleLibraryName(series)`. */
export const EAGLE_LIBRARY_NAME = eagleLibraryName();

const LAYERS: readonly [number, string, number, number][] = [
  [1, 'Top', 4, 1],
  [16, 'Bottom', 1, 1],
  [17, 'Pads', 2, 1],
  [18, 'Vias', 2, 1],
  [19, 'Unrouted', 6, 1],
  [20, 'Dimension', 15, 1],
  [21, 'tPlace', 7, 1],
  [22, 'bPlace', 7, 1],
  [25, 'tNames', 7, 1],
  [26, 'bNames', 7, 1],
  [27, 'tValues', 7, 1],
  [28, 'bValues', 7, 1],
  [29, 'tStop', 7, 3],
  [30, 'bStop', 7, 6],
  [31, 'tCream', 7, 4],
  [32, 'bCream', 7, 5],
  [39, 'tKeepout', 4, 11],
  [40, 'bKeepout', 1, 11],
  [41, 'tRestrict', 4, 10],
  [42, 'bRestrict', 1, 10],
  [44, 'Drills', 7, 1],
  [45, 'Holes', 7, 1],
  [46, 'Milling', 3, 1],
  [47, 'Measures', 7, 1],
  [48, 'Document', 7, 1],
  [49, 'Reference', 7, 1],
  [51, 'tDocu', 7, 1],
  [52, 'bDocu', 7, 1],
  [91, 'Nets', 2, 1],
  [92, 'Busses', 1, 1],
  [93, 'Pins', 2, 1],
  [94, 'Symbols', 4, 1],
  [95, 'Names', 7, 1],
  [96, 'Values', 7, 1],
  [97, 'Info', 7, 1],
  [98, 'Guide', 6, 1],
];
const L = { top: 1, tPlace: 21, tNames: 25, tValues: 27, tCream: 31, tKeepout: 39, tDocu: 51, symbols: 94, names: 95, values: 96 } as const;

/** Numbers in mm, rounded to 1 nm, no exponent, no negative zero. */
function n(v: number): string {
  const r = Math.round(v * 1e6) / 1e6 + 0;
  const t = String(r);
  return t.includes('e') ? r.toFixed(6).replace(/\.?0+$/, '') : t;
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Eagle names: upper case, no spaces (Eagle folds case). */
export function eagleName(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9_.-]/g, '_');
}

const wire = (s: Segment, width: number, layer: number) =>
  `<wire x1="${n(s.x1Mm)}" y1="${n(-s.y1Mm)}" x2="${n(s.x2Mm)}" y2="${n(-s.y2Mm)}" width="${n(width)}" layer="${layer}"/>`;

/** Pad names of a land pattern in Eagle: contacts keep their number, soldering terminals become MP1 … MPn. */
export function eaglePadNames(lp: LandPattern): string[] {
  let mp = 0;
  return lp.pads.map((p) => (p.number === MOUNTING_PIN.number ? `${MOUNTING_PIN.number}${++mp}` : p.number));
}

function packageXml(family: FootprintFamily, lp: LandPattern, series: Series): string {
  const names = eaglePadNames(lp);
  const c = lp.courtyard;
  const courtyard: Segment[] = [
    { x1Mm: c.minXMm, y1Mm: c.minYMm, x2Mm: c.maxXMm, y2Mm: c.minYMm },
    { x1Mm: c.maxXMm, y1Mm: c.minYMm, x2Mm: c.maxXMm, y2Mm: c.maxYMm },
    { x1Mm: c.maxXMm, y1Mm: c.maxYMm, x2Mm: c.minXMm, y2Mm: c.maxYMm },
    { x1Mm: c.minXMm, y1Mm: c.maxYMm, x2Mm: c.minXMm, y2Mm: c.minYMm },
  ];
  const mask = lp.params.maskExpansionMm;
  const description = [
    `Panasonic ${series.name} ${family.role}, ${family.pins} pins, ${series.pitchMm} mm pitch: ${family.partNumbers.join(', ')}.`,
    `Solder-mask expansion ${n(mask.valueMm)} mm [${mask.provenance}] ${mask.source}: Eagle takes the mask expansion from the design rules (Masks, Stop); set it there.`,
    'Stencil openings: rectangles on tCream (pads have cream="no").',
    footprintNote(lp, series),
  ].join('\n');
  const lines = [
    `<package name="${esc(eagleName(family.footprintName))}">`,
    `<description>${esc(description)}</description>`,
    ...lp.pads.map(
      (p, i) =>
        `<smd name="${esc(names[i]!)}" x="${n(p.xMm)}" y="${n(-p.yMm)}" dx="${n(p.widthMm)}" dy="${n(p.heightMm)}" layer="${L.top}" roundness="0" stop="yes" cream="no"/>`,
    ),
    ...lp.pads.flatMap((p) =>
      p.pasteApertures.map(
        (a) =>
          `<rectangle x1="${n(a.xMm - a.widthMm / 2)}" y1="${n(-(a.yMm + a.heightMm / 2))}" x2="${n(a.xMm + a.widthMm / 2)}" y2="${n(-(a.yMm - a.heightMm / 2))}" layer="${L.tCream}"/>`,
      ),
    ),
    ...lp.silkscreen.map((s) => wire(s, SILK_LINE_WIDTH_MM, L.tPlace)),
    ...lp.pin1Marker.map((s) => wire(s, SILK_LINE_WIDTH_MM, L.tPlace)),
    ...lp.fabOutline.map((s) => wire(s, FAB_LINE_WIDTH_MM, L.tDocu)),
    ...courtyard.map((s) => wire(s, COURTYARD_LINE_WIDTH_MM, L.tKeepout)),
    `<text x="0" y="${n(-(c.minYMm - 0.8))}" size="1" layer="${L.tNames}" align="center">&gt;NAME</text>`,
    `<text x="0" y="${n(-(c.maxYMm + 0.8))}" size="1" layer="${L.tValues}" align="center">&gt;VALUE</text>`,
    '</package>',
  ];
  return lines.join('\n');
}

const GRID = 2.54;

function symbolXml(family: FootprintFamily, series: Series): string {
  const pins = symbolPins(family.pins);
  const ys = pins.filter((p) => p.number !== MOUNTING_PIN.number).map((p) => p.yMm);
  const top = Math.max(...ys) + GRID;
  const bottom = Math.min(...ys) - GRID;
  const half = 5.08;
  const box: Segment[] = [
    { x1Mm: -half, y1Mm: top, x2Mm: half, y2Mm: top },
    { x1Mm: half, y1Mm: top, x2Mm: half, y2Mm: bottom },
    { x1Mm: half, y1Mm: bottom, x2Mm: -half, y2Mm: bottom },
    { x1Mm: -half, y1Mm: bottom, x2Mm: -half, y2Mm: top },
  ];
  // Symbol axes are y up already (as KiCad's symbols): no negation here.
  const symWire = (s: Segment) => `<wire x1="${n(s.x1Mm)}" y1="${n(s.y1Mm)}" x2="${n(s.x2Mm)}" y2="${n(s.y2Mm)}" width="0.254" layer="${L.symbols}"/>`;
  return [
    `<symbol name="${esc(eagleName(family.symbolName))}">`,
    `<description>Panasonic ${series.name} ${family.role}, ${family.pins} pins: odd pins on the left, even pins on the right, pins 1 and 2 at the top (as on the part); MP = the soldering terminals (one net).</description>`,
    ...box.map(symWire),
    `<text x="${n(-half)}" y="${n(top + 1.27)}" size="1.778" layer="${L.names}">&gt;NAME</text>`,
    `<text x="${n(-half)}" y="${n(bottom - 5.08)}" size="1.778" layer="${L.values}">&gt;VALUE</text>`,
    ...pins.map(
      (p) => `<pin name="${esc(p.number)}" x="${n(p.xMm)}" y="${n(p.yMm)}" length="short" direction="pas"${p.angleDeg ? ` rot="R${p.angleDeg}"` : ''}/>`,
    ),
    '</symbol>',
  ].join('\n');
}

function devicesetXml(family: FootprintFamily, lp: LandPattern, series: Series): string {
  const padNames = eaglePadNames(lp);
  const mp = padNames.filter((p) => p.startsWith(MOUNTING_PIN.number));
  const connects = [
    ...Array.from({ length: family.pins }, (_, i) => `<connect gate="G$1" pin="${i + 1}" pad="${i + 1}"/>`),
    `<connect gate="G$1" pin="${MOUNTING_PIN.number}" pad="${mp.join(' ')}"/>`,
  ];
  const technologies = family.partNumbers.map((pn) =>
    [
      `<technology name="${esc(pn)}">`,
      `<attribute name="MANUFACTURER" value="Panasonic"/>`,
      `<attribute name="MPN" value="${esc(pn)}"/>`,
      '</technology>',
    ].join('\n'),
  );
  const heights = family.matedHeightsMm.map((h) => `${h.toFixed(1)} mm`).join(' or ');
  return [
    `<deviceset name="${esc(eagleName(family.symbolName))}" prefix="J">`,
    `<description>Panasonic ${series.name} ${family.role}, ${family.pins} pins, ${series.pitchMm} mm pitch${heights ? `, mated height ${heights}` : ''}. Part numbers (technologies): ${family.partNumbers.join(', ')}. Mates with ${family.partnerPartNumbers.join(', ')}. Catalog: Panasonic ${series.name} narrow-pitch connectors (${series.pitchMm} mm pitch).</description>`,
    '<gates>',
    `<gate name="G$1" symbol="${esc(eagleName(family.symbolName))}" x="0" y="0"/>`,
    '</gates>',
    '<devices>',
    `<device name="" package="${esc(eagleName(family.footprintName))}">`,
    '<connects>',
    ...connects,
    '</connects>',
    '<technologies>',
    ...technologies,
    '</technologies>',
    '</device>',
    '</devices>',
    '</deviceset>',
  ].join('\n');
}

/** The library file: every family's package, symbol and device set. */
export function eagleLibrary(families?: readonly FootprintFamily[], series: Series = builtInSeries): string {
  const drawn = families ?? familiesOf(series);
  return eagleLibraryOf(drawn, series);
}

function eagleLibraryOf(families: readonly FootprintFamily[], series: Series): string {
  const patterns = families.map((f) => familyLandPattern(f, {}, series));
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<!DOCTYPE eagle SYSTEM "eagle.dtd">',
    `<eagle version="${EAGLE_VERSION}">`,
    '<drawing>',
    '<settings>',
    '<setting alwaysvectorfont="no"/>',
    '<setting verticaltext="up"/>',
    '</settings>',
    '<grid distance="0.05" unitdist="mm" unit="mm" style="lines" multiple="1" display="no" altdistance="0.01" altunitdist="mm" altunit="mm"/>',
    '<layers>',
    ...LAYERS.map(([num, name, color, fill]) => `<layer number="${num}" name="${name}" color="${color}" fill="${fill}" visible="yes" active="yes"/>`),
    '</layers>',
    `<library name="${eagleLibraryName(series)}">`,
    `<description>Panasonic ${series.name} ${series.pitchMm} mm pitch board-to-FPC connectors, generated by the a4s toolkit from the catalog (every number's provenance is in the package descriptions). Check the land patterns against Panasonic's recommended PC-board pattern before fabrication.</description>`,
    '<packages>',
    ...families.map((f, i) => packageXml(f, patterns[i]!, series)),
    '</packages>',
    '<symbols>',
    ...families.map((f) => symbolXml(f, series)),
    '</symbols>',
    '<devicesets>',
    ...families.map((f, i) => devicesetXml(f, patterns[i]!, series)),
    '</devicesets>',
    '</library>',
    '</drawing>',
    '</eagle>',
    '',
  ].join('\n');
}
