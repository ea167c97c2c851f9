import type { CheckReport, Finding } from '../../checks/types.js';
import { partGeometry, reversedPin } from '../../geometry/index.js';
import { announce, h, replace } from '../dom.js';
import { checkDoc, clearPins, emptyDoc, exportPinMap, formatOfName, importPinMap, netNames, type PinMapDoc } from '../pinmap-model.js';
import { findingList, ruleFinding } from '../components/findings.js';
import { connectorSvg, padPlaces, pin1Glyph } from './pinmap-connector.js';
import { documentFields } from './pinmap-fields.js';
import { pinGrid } from './pinmap-grid.js';
import { netsTable } from './pinmap-nets.js';
import { looksLikeKicadNetlist, netlistPanel } from './pinmap-netlist.js';
import type { NetlistConnector } from '../../checks/index.js';

/**
 * The pin-map editor: the whole pin-map document of `a4s check` (pins, nets with current, voltage
 * and kind, mate, conditions, connectors, IR-drop threshold, and whatever the schema adds), the
 * pins laid out as the land pattern puts them (top view), the CLI's check run on every change,
 * reverse-insertion hazards drawn on the connector, import / export without loss. This file puts
 * the parts together and runs the check; each part is a file of its own: the pin grid
 * (pinmap-grid.ts), the nets (pinmap-nets.ts), the other fields (pinmap-fields.ts), the picture
 * (pinmap-connector.ts), the findings (../components/findings.ts).
 */
export function pinMapEditor(pn: string, pins: number): HTMLElement {
  const geometry = partGeometry(pn);
  if (!geometry.ok) return h('p', { class: 'error' }, `${geometry.error.code}: ${geometry.error.message}`);
  const lp = geometry.value.landPattern;
  const places = padPlaces(lp);
  const pin1Row = places.find((p) => p.pin === 1)!.row;
  let doc: PinMapDoc = emptyDoc(pn);
  const currentDoc = () => doc;

  const findingsHost = h('div', { id: 'pinmap-findings', 'aria-live': 'polite' });
  const drawingHost = h('div', { class: 'hazard-drawing' });
  const netsHost = h('div', { id: 'pinmap-nets', class: 'table-wrap' });
  const fieldsHost = h('div', { id: 'pinmap-fields', class: 'doc-fields' });
  const messages = h('p', { class: 'status', role: 'status' });
  const grid = pinGrid(pn, pins, places, currentDoc, schedule);
  const nets = netsTable(netsHost, currentDoc, schedule);
  const fields = documentFields(fieldsHost, pn, currentDoc, schedule, (text) => (messages.textContent = text));
  // KiCad netlists: this board's fills the pins; the other board's runs the two-board check.
  const netlists = netlistPanel(pn, currentDoc, (connector, message) => {
    doc = docFromNetlist(doc, connector, pn);
    messages.textContent = message;
    grid.sync();
    fields.render();
    run();
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  }

  function run() {
    const names = netNames(doc);
    if (names.length === 0 && !hasPins(doc)) {
      replace(
        findingsHost,
        h(
          'p',
          { class: 'hint' },
          'Type nets (and currents in A) into the pins, paste them from a spreadsheet, or import a pin-map file. Findings appear here as you type.',
        ),
      );
      drawHazards(null);
      nets.render(null);
      return;
    }
    const result = checkDoc(doc);
    if (!result.ok) {
      const e = result.error;
      replace(findingsHost, h('p', { class: 'error', role: 'alert', 'data-code': e.code }, `${e.code}: ${e.message}`));
      drawHazards(null);
      nets.render(null);
      return;
    }
    renderFindings(result.value);
    drawHazards(result.value);
    nets.render(result.value);
    netlists.rerun();
  }

  function renderFindings(report: CheckReport) {
    const s = report.summary;
    replace(
      findingsHost,
      h(
        'p',
        { class: s.errors ? 'error' : 'ok' },
        `${s.errors} error(s), ${s.warnings} warning(s), ${s.infos} note(s). ${
          s.reversalSafe
            ? 'Reversal-safe.'
            : s.reversal === 'safe for known kinds'
              ? `Reversal-safe for the nets whose kind is known (unknown kind: ${s.unknownKindNets.join(', ')}).`
              : 'NOT reversal-safe.'
        }${
          s.verdict === 'clean for stated values'
            ? ` Clean for stated values: ${[s.noCurrentNets.length ? `no current for ${s.noCurrentNets.join(', ')}` : '', s.noVoltageNets.length ? `no voltage for ${s.noVoltageNets.join(', ')}` : ''].filter(Boolean).join('; ')} (see NET_VALUES_MISSING).`
            : ''
        }`,
      ),
      findingList(report.findings, (f) => ruleFinding(f, f.pins.length ? `pins ${f.pins.join(', ')}` : '')),
    );
    announce(`${s.errors} errors, ${s.warnings} warnings.`);
  }

  /** The connector as the land pattern has it, a red line from each hazardous pin to the pin it meets reversed. */
  function drawHazards(report: CheckReport | null) {
    const hazards: Finding[] = report?.findings.filter((f) => f.code === 'REVERSE_INSERTION_HAZARD') ?? [];
    const pairs = new Set<string>();
    const bad = new Set<number>();
    for (const f of hazards) {
      for (const p of f.pins) {
        if (p < 1 || p > pins) continue;
        bad.add(p);
        const q = reversedPin(pins, p);
        pairs.add(`${Math.min(p, q)}-${Math.max(p, q)}`);
      }
    }
    grid.markHazards(bad);
    replace(
      drawingHost,
      connectorSvg(
        lp,
        places,
        bad,
        [...pairs].map((k) => k.split('-').map(Number) as [number, number]),
      ),
      hazards.length ? h('p', { class: 'error' }, `Plugged rotated by 180°, pin p meets pin ${pins + 1} − p: the red lines join pins that would short.`) : null,
    );
  }

  // Import / export of the pin-map file (YAML, JSON or CSV, as `a4s check` reads).
  const fileInput = h('input', { id: 'pinmap-file', type: 'file', accept: '.yaml,.yml,.json,.csv,.net,text/yaml,application/json,text/csv' });
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    const text = await file.text();
    // A KiCad netlist is read as a netlist (its reference asked for), never as YAML.
    if (looksLikeKicadNetlist(text)) return netlists.loadBoard(file.name, text);
    const imported = importPinMap(text, formatOfName(file.name), pn);
    if (!imported.ok) {
      messages.textContent = `${file.name}: ${imported.error.code}: ${imported.error.message}`;
      return;
    }
    doc = imported.value;
    const netCount = netNames(doc).length;
    messages.textContent = `Imported ${file.name}: ${countPins(doc)} pin assignment(s), ${netCount} net(s)${doc.mate ? `, mate ${String(doc.mate)}` : ''}${doc.conditions ? ', conditions' : ''}.${imported.note ? ` ${imported.note}` : ''}`;
    grid.sync();
    fields.render();
    run();
  });
  const exportAs = (format: 'yaml' | 'json') => {
    const text = exportPinMap(doc, format);
    const url = URL.createObjectURL(new Blob([text], { type: format === 'json' ? 'application/json' : 'application/yaml' }));
    const a = h('a', { href: url, download: `${pn}.pinmap.${format === 'json' ? 'json' : 'yaml'}` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const clear = () => {
    clearPins(doc);
    grid.sync();
    run();
  };

  fields.render();
  run();
  const root = h(
    'div',
    { class: 'pinmap' },
    h(
      'div',
      { class: 'toolbar' },
      h('label', { for: 'pinmap-file', class: 'field' }, h('span', {}, 'Import a pin map (YAML, JSON, CSV) or a KiCad netlist (.net)'), fileInput),
      h('button', { type: 'button', class: 'secondary', id: 'pinmap-export-yaml', onclick: () => exportAs('yaml') }, 'Export YAML'),
      h('button', { type: 'button', class: 'secondary', id: 'pinmap-export-json', onclick: () => exportAs('json') }, 'Export JSON'),
      h('button', { type: 'button', class: 'secondary', onclick: clear }, 'Clear pins'),
    ),
    messages,
    netlists.element,
    h(
      'p',
      { class: 'hint' },
      `Pins as the footprint places them, top view (component side), pin 1 marked ${pin1Glyph(pin1Row)}; a long connector continues in bands below, left to right. Arrow keys move between rows; paste rows “pin, net, current” or a column of nets from a spreadsheet, or a whole KiCad netlist.`,
    ),
    grid.element,
    drawingHost,
    h('div', { class: 'pinmap-results' }, h('div', {}, h('h3', {}, 'Findings'), findingsHost), h('div', {}, h('h3', {}, 'Nets'), netsHost)),
    h('details', { class: 'doc-details' }, h('summary', {}, 'Mate, conditions, connectors, IR-drop threshold'), fieldsHost),
  );
  // A netlist pasted anywhere in the editor (a net cell too: the grid leaves it alone) is read as a netlist.
  root.addEventListener('paste', (e) => {
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (!looksLikeKicadNetlist(text)) return;
    e.preventDefault();
    netlists.loadBoard('pasted netlist', text);
  });
  return root;
}

/** The document with the netlist connector's pins (NC where KiCad says unconnected); its other fields kept. */
function docFromNetlist(doc: PinMapDoc, connector: NetlistConnector, pn: string): PinMapDoc {
  const pins: Record<string, string | null> = {};
  for (const p of connector.pins) pins[String(p.pin)] = p.net;
  return { ...doc, part: pn, pins };
}

function hasPins(doc: PinMapDoc): boolean {
  return countPins(doc) > 0;
}

function countPins(doc: PinMapDoc): number {
  const p = doc.pins;
  return Array.isArray(p) ? p.length : typeof p === 'object' && p !== null ? Object.keys(p).length : 0;
}
