import { builtInSeries, type Series } from '../../catalog/index.js';
import { checkPartNumber, formatPartNumber } from '../../partnumber/index.js';
import { h, replace } from '../dom.js';
import { pinMapEditor } from './pinmap.js';

/** The part the pin-map page opens with when the link names none: the 40-pin socket, the most common display connector. */
function defaultPart(series: Series): string {
  return formatPartNumber({ role: 'socket', pins: 40, inspection: false, matedHeightMm: null, packaging: '8mm-pitch' }, series);
}

/**
 * The pin-map editor on its own page (`?view=pinmap&pn=…`, the top menu's link): a part chooser
 * and the editor, where a KiCad netlist dropped or pasted is read as a netlist and the FPC's
 * netlist runs the two-board check (`a4s check --netlist … --mate-netlist …`).
 */
export function renderPinMapPage(root: HTMLElement, pnInUrl: string, series: Series = builtInSeries): void {
  document.title = `${series.name} pin-map check`;
  const fallback = defaultPart(series);
  const decoded = checkPartNumber(pnInUrl || fallback, series);
  const pn = decoded.partNumber && decoded.fields ? decoded.partNumber : fallback;
  const pins = checkPartNumber(pn, series).fields!.pins;
  const choose = h('select', { id: 'pinmap-part' });
  const listed = series.parts.filter((p) => !p.inspection && p.packaging === '8mm-pitch');
  for (const p of listed) {
    const label = `${p.partNumber} — ${p.role}, ${p.pins} pins${p.matedHeightMm !== null ? `, ${p.matedHeightMm.toFixed(1)} mm` : ''}`;
    choose.append(h('option', { value: p.partNumber, selected: p.partNumber === pn }, label));
  }
  if (!listed.some((p) => p.partNumber === pn)) choose.prepend(h('option', { value: pn, selected: true }, pn));
  choose.addEventListener('change', () => {
    history.pushState(null, '', `/?view=pinmap&pn=${encodeURIComponent(choose.value)}`);
    window.dispatchEvent(new PopStateEvent('popstate'));
  });
  const notPart =
    pnInUrl && pn !== decoded.partNumber ? `${pnInUrl} is not an ${series.name} part number: the editor shows ${pn}; choose the part below.` : null;
  replace(
    root,
    h('h1', {}, 'Pin-map check'),
    notPart ? h('p', { class: 'warning', role: 'alert' }, notPart) : null,
    h(
      'p',
      { class: 'lead' },
      'Type or paste the nets of a connector, import a pin map, or drop a KiCad netlist (.net): the same check as `a4s check`. Add the other board’s netlist (the FPC) and an optional net map for the two-board check, as `a4s check --netlist board.net --ref J1 --mate-netlist fpc.net --mate-ref P1 --net-map map.csv`.',
    ),
    h('div', { class: 'filters' }, h('label', { for: 'pinmap-part', class: 'field' }, h('span', {}, 'Part (a netlist names its own)'), choose)),
    h('section', { id: 'pinmap' }, pinMapEditor(pn, pins)),
  );
}
