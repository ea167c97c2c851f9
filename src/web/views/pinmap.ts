import { SEVERITY_RANK, type CheckReport, type Finding, type NetKind, type NetSummary } from '../../checks/types.js';
import { partGeometry, reversedPin, type LandPattern, type Pad } from '../../geometry/index.js';
import { matesOf } from '../../select/index.js';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { announce, h, replace, s, type Child } from '../dom.js';
import {
  checkDoc,
  clearPins,
  emptyDoc,
  exportPinMap,
  formatOfName,
  getField,
  importPinMap,
  netNames,
  netOf,
  pinOf,
  schemaFields,
  setField,
  setNetField,
  setPin,
  type FieldSchema,
  type PinMapDoc,
} from '../pinmap-model.js';

/**
 * Where each contact pad stands in the top view (component side, KiCad axes: x right, y down), from
 * the part's own land pattern: the one rule the footprint, the drawing and these pictures share.
 */
export interface PadPlace {
  readonly pin: number;
  readonly pad: Pad;
  /** 1 = top row of the top view, 2 = bottom row. */
  readonly row: 1 | 2;
  /** 1 … pins/2 from the left. */
  readonly column: number;
}

export function padPlaces(lp: LandPattern): PadPlace[] {
  const signal = lp.pads.filter((p) => p.kind === 'signal');
  const xs = [...new Set(signal.map((p) => p.xMm))].sort((a, b) => a - b);
  return signal.map((pad) => ({ pin: Number(pad.number), pad, row: pad.yMm < 0 ? 1 : 2, column: xs.indexOf(pad.xMm) + 1 }));
}

/** The pin-1 mark, the same everywhere: a triangle outside pin 1's pad pointing at it. */
export const pin1Glyph = (row: 1 | 2) => (row === 2 ? '▲' : '▼');

/**
 * The pin-map editor: the whole pin-map document of `a4s check` (pins, nets with current, voltage
 * and kind, mate, conditions, connectors, IR-drop threshold, and whatever the schema adds), the
 * pins laid out as the land pattern puts them (top view), the CLI's check run on every change,
 * reverse-insertion hazards drawn on the connector, import / export without loss.
 */
export function pinMapEditor(pn: string, pins: number): HTMLElement {
  const geometry = partGeometry(pn);
  if (!geometry.ok) return h('p', { class: 'error' }, `${geometry.error.code}: ${geometry.error.message}`);
  const lp = geometry.value.landPattern;
  const places = padPlaces(lp);
  const placeOf = new Map(places.map((p) => [p.pin, p]));
  const pin1Row = placeOf.get(1)!.row;
  let doc: PinMapDoc = emptyDoc(pn);

  const grid = h('div', {
    class: 'pin-grid',
    role: 'group',
    'aria-label': `Pins of ${pn} in the top view (component side): pin 1 in the ${pin1Row === 1 ? 'top' : 'bottom'} row at the left, pin 2 in the ${pin1Row === 1 ? 'bottom' : 'top'} row`,
  });
  grid.style.setProperty('--cols', String(pins / 2));
  const inputs = new Map<number, { net: HTMLInputElement; current: HTMLInputElement; cell: HTMLElement }>();
  const findingsHost = h('div', { id: 'pinmap-findings', 'aria-live': 'polite' });
  const drawingHost = h('div', { class: 'hazard-drawing' });
  const netsHost = h('div', { id: 'pinmap-nets', class: 'table-wrap' });
  const fieldsHost = h('div', { id: 'pinmap-fields', class: 'doc-fields' });
  const messages = h('p', { class: 'status', role: 'status' });

  // DOM order is pin order (Tab goes 1, 2, 3 …); CSS places each cell where its pad is.
  for (let p = 1; p <= pins; p++) {
    const place = placeOf.get(p)!;
    const net = h('input', {
      id: `pin-${p}-net`,
      type: 'text',
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-label': `Pin ${p} net`,
      placeholder: 'net',
      'data-pin': p,
      size: 6,
    });
    const current = h('input', {
      id: `pin-${p}-current`,
      type: 'number',
      min: 0,
      step: 0.01,
      inputmode: 'decimal',
      'aria-label': `Pin ${p} current (A)`,
      placeholder: 'A',
      'data-pin': p,
      size: 6,
    });
    const cell = h(
      'div',
      { class: `pin-cell${p === 1 ? ' pin1' : ''}`, 'data-pin': p },
      h('span', { class: 'pin-no' }, p === 1 ? `${pin1Glyph(place.row)} 1` : p),
      net,
      current,
    );
    cell.style.gridColumn = String(place.column);
    cell.style.gridRow = String(place.row);
    const edit = () => {
      setPin(doc, p, net.value, current.value);
      schedule();
    };
    net.addEventListener('input', edit);
    current.addEventListener('input', edit);
    net.addEventListener('paste', (e) => onPaste(e, p));
    current.addEventListener('keydown', (e) => moveFocus(e, p));
    net.addEventListener('keydown', (e) => moveFocus(e, p));
    inputs.set(p, { net, current, cell });
    grid.append(cell);
  }

  /** Arrow keys move as the pads stand: up/down to the other row, Alt+left/right along a row. */
  function moveFocus(e: KeyboardEvent, p: number) {
    const field = (e.target as HTMLElement).id.endsWith('-net') ? 'net' : 'current';
    const here = placeOf.get(p)!;
    const find = (row: number, column: number) => places.find((q) => q.row === row && q.column === column)?.pin ?? null;
    let target: number | null = null;
    if (e.key === 'ArrowUp' && here.row === 2) target = find(1, here.column);
    else if (e.key === 'ArrowDown' && here.row === 1) target = find(2, here.column);
    else if (e.altKey && e.key === 'ArrowRight') target = find(here.row, here.column + 1);
    else if (e.altKey && e.key === 'ArrowLeft') target = find(here.row, here.column - 1);
    if (target !== null && inputs.has(target)) {
      e.preventDefault();
      inputs.get(target)![field].focus();
    }
  }

  /**
   * Pasted cells from a spreadsheet: rows of `pin, net[, current]` (first cell a pin number), or a
   * column of nets (with currents) filled from the pin pasted into, in pin order.
   */
  function onPaste(e: ClipboardEvent, startPin: number) {
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (!/[\t\n]/.test(text.trim())) return;
    e.preventDefault();
    const rows = text
      .replace(/\r/g, '')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => l.split(l.includes('\t') ? '\t' : ',').map((c) => c.trim()));
    let filled = 0;
    let next = startPin;
    for (const row of rows) {
      const pinFirst = /^\d+$/.test(row[0] ?? '') && row.length >= 2;
      const pin = pinFirst ? Number(row[0]) : next++;
      const [netText, currentText] = pinFirst ? [row[1], row[2]] : [row[0], row[1]];
      if (!inputs.has(pin)) continue;
      const current = currentText && /^\d*\.?\d+$/.test(currentText) ? currentText : pinOf(doc, pin).currentA;
      setPin(doc, pin, netText ?? '', current);
      filled++;
    }
    syncInputs();
    schedule();
    announce(`${filled} pin${filled === 1 ? '' : 's'} filled from the clipboard.`);
  }

  function syncInputs() {
    for (const [p, { net, current }] of inputs) {
      const v = pinOf(doc, p);
      net.value = v.net;
      current.value = v.currentA;
    }
  }

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
      renderNets(null);
      return;
    }
    const result = checkDoc(doc);
    if (!result.ok) {
      const e = result.error;
      replace(findingsHost, h('p', { class: 'error', role: 'alert', 'data-code': e.code }, `${e.code}: ${e.message}`));
      drawHazards(null);
      renderNets(null);
      return;
    }
    renderFindings(result.value);
    drawHazards(result.value);
    renderNets(result.value);
  }

  function renderFindings(report: CheckReport) {
    const s = report.summary;
    replace(
      findingsHost,
      h(
        'p',
        { class: s.errors ? 'error' : 'ok' },
        `${s.errors} error(s), ${s.warnings} warning(s), ${s.infos} note(s). ${s.reversalSafe ? 'Reversal-safe.' : 'NOT reversal-safe.'}`,
      ),
      findingList(report.findings),
    );
    announce(`${s.errors} errors, ${s.warnings} warnings.`);
  }

  // Nets: one row per net, typed once (a rail's voltage and kind), with the check's numbers.
  let netRows = new Map<
    string,
    { row: HTMLTableRowElement; computed: HTMLElement[]; kind: HTMLSelectElement; current: HTMLInputElement; voltage: HTMLInputElement }
  >();
  let netKey = '\u0001'; // matches no list of names: the first call draws
  function renderNets(report: CheckReport | null) {
    const names = netNames(doc);
    const summaries = new Map<string, NetSummary>((report?.summary.nets ?? []).map((n) => [n.net, n]));
    if (names.join('\u0000') !== netKey) {
      netKey = names.join('\u0000');
      netRows = new Map();
      if (names.length === 0) {
        replace(netsHost, h('p', { class: 'hint' }, 'Nets appear here once pins name them; give each net its total current, voltage and kind once.'));
        return;
      }
      const rows = names.map((name) => netRow(name));
      replace(
        netsHost,
        h(
          'table',
          { class: 'nets' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ...['net', 'total current (A)', 'voltage (V)', 'kind', 'pins', 'per contact', 'pins needed', 'IR drop'].map((t) => h('th', { scope: 'col' }, t)),
            ),
          ),
          h('tbody', {}, ...rows),
        ),
      );
    }
    for (const [name, r] of netRows) {
      const n = summaries.get(name);
      const num = (x: number | null | undefined, unit: string) => (x === null || x === undefined ? '—' : `${x} ${unit}`);
      const values = [
        n ? n.pins.join(' ') : '—',
        num(n?.perContactA, 'A'),
        n?.pinsNeeded === null || n?.pinsNeeded === undefined ? '—' : String(n.pinsNeeded),
        num(n?.irDropMv, 'mV'),
      ];
      r.computed.forEach((cell, i) => (cell.textContent = values[i]!));
      const auto = r.kind.options[0]!;
      auto.textContent = n && n.kindSource !== 'stated' ? `auto: ${n.kind}` : 'auto';
      // What the check uses when the net states nothing (from its pins' own values), as a hint.
      r.current.placeholder = n?.currentA !== null && n?.currentA !== undefined ? String(n.currentA) : '';
      r.voltage.placeholder = n?.voltageV !== null && n?.voltageV !== undefined ? String(n.voltageV) : '';
    }
  }

  function netRow(name: string): HTMLTableRowElement {
    const spec = netOf(doc, name);
    const id = `net-${[...name].map((c) => (/[A-Za-z0-9_-]/.test(c) ? c : `_${c.codePointAt(0)}`)).join('')}`;
    const number = (field: 'currentA' | 'voltageV', label: string) => {
      const input = h('input', {
        id: `${id}-${field === 'currentA' ? 'current' : 'voltage'}`,
        type: 'number',
        step: 'any',
        inputmode: 'decimal',
        'aria-label': `${name} ${label}`,
        value: spec[field] ?? '',
        ...(field === 'currentA' ? { min: 0 } : {}),
      });
      input.addEventListener('input', () => {
        const v = input.value.trim() === '' ? undefined : Number(input.value);
        setNetField(doc, name, field, v !== undefined && Number.isFinite(v) ? v : undefined);
        schedule();
      });
      return input;
    };
    const kind = h(
      'select',
      { id: `${id}-kind`, 'aria-label': `${name} kind` },
      h('option', { value: '' }, 'auto'),
      ...['power', 'ground', 'signal'].map((k) => h('option', { value: k }, k)),
    );
    kind.value = spec.kind ?? '';
    kind.addEventListener('change', () => {
      setNetField(doc, name, 'kind', kind.value === '' ? undefined : (kind.value as NetKind));
      schedule();
    });
    const computed = [0, 1, 2, 3].map(() => h('td', { class: 'num' }));
    const current = number('currentA', 'total current (A)');
    const voltage = number('voltageV', 'voltage (V)');
    const row = h('tr', { 'data-net': name }, h('th', { scope: 'row' }, name), h('td', {}, current), h('td', {}, voltage), h('td', {}, kind), ...computed);
    netRows.set(name, { row, computed, kind, current, voltage });
    return row;
  }

  /** The connector as the land pattern has it, a red line from each hazardous pin to the pin it meets reversed. */
  function drawHazards(report: CheckReport | null) {
    for (const { cell } of inputs.values()) cell.classList.remove('hazard');
    const hazards: Finding[] = report?.findings.filter((f) => f.code === 'REVERSE_INSERTION_HAZARD') ?? [];
    const pairs = new Set<string>();
    const bad = new Set<number>();
    for (const f of hazards) {
      for (const p of f.pins) {
        if (p < 1 || p > pins) continue;
        bad.add(p);
        inputs.get(p)?.cell.classList.add('hazard');
        const q = reversedPin(pins, p);
        pairs.add(`${Math.min(p, q)}-${Math.max(p, q)}`);
      }
    }
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

  // The document's other fields, as the published schema describes them (new fields flow in).
  function renderFields() {
    const partners = matesOf(pn).partners.map((m) => m.partNumber);
    const top = schemaFields('document').filter(([k]) => !['$schema', 'part', 'pins', 'nets', 'conditions', 'pinCount'].includes(k));
    const conditions = schemaFields('conditions');
    replace(
      fieldsHost,
      h('div', { class: 'field-grid' }, ...top.map(([k, schema]) => control(['' + k], schema, k === 'mate' ? partners : []))),
      h('h4', {}, 'Operating conditions'),
      h('div', { class: 'field-grid' }, ...conditions.map(([k, schema]) => control(['conditions', k], schema, []))),
      unknownFields(),
    );
  }

  /** Fields of an imported document that this page has no input for: kept and exported as they are. */
  function unknownFields(): Child {
    const known = new Set(schemaFields('document').map(([k]) => k));
    const extra = Object.keys(doc).filter((k) => !known.has(k));
    return extra.length ? h('p', { class: 'hint' }, `Kept as imported: ${extra.join(', ')}.`) : null;
  }

  function control(path: string[], schema: FieldSchema, suggestions: readonly string[]): HTMLElement {
    const id = `doc-${path.join('-')}`;
    const label = (el: HTMLElement) =>
      h(
        'label',
        { for: id, class: 'field', title: schema.description ?? '' },
        h('span', {}, path.at(-1)!),
        el,
        schema.description ? h('small', {}, schema.description) : null,
      );
    const value = getField(doc, path);
    const set = (v: unknown) => {
      setField(doc, path, v);
      schedule();
    };
    if (schema.enum || schema.type === 'boolean') {
      const options = schema.enum
        ? schema.enum.map((o) => [o, o])
        : [
            ['true', 'yes'],
            ['false', 'no'],
          ];
      const sel = h('select', { id }, h('option', { value: '' }, '—'), ...options.map(([v, t]) => h('option', { value: v! }, t!)));
      sel.value = value === undefined ? '' : String(value);
      sel.addEventListener('change', () => set(sel.value === '' ? undefined : schema.enum ? sel.value : sel.value === 'true'));
      return label(sel);
    }
    if (schema.type === 'number' || schema.type === 'integer') {
      const input = h('input', {
        id,
        type: 'number',
        step: schema.type === 'integer' ? 1 : 'any',
        inputmode: 'decimal',
        value: typeof value === 'number' ? value : '',
      });
      input.addEventListener('input', () => {
        const n = input.value.trim() === '' ? undefined : Number(input.value);
        set(n !== undefined && Number.isFinite(n) ? n : undefined);
      });
      return label(input);
    }
    if (schema.type === 'string') {
      const list = suggestions.length ? h('datalist', { id: `${id}-list` }, ...suggestions.map((v) => h('option', { value: v }))) : null;
      const input = h('input', {
        id,
        type: 'text',
        autocomplete: 'off',
        spellcheck: 'false',
        value: typeof value === 'string' ? value : '',
        ...(list ? { list: `${id}-list` } : {}),
      });
      input.addEventListener('input', () => set(input.value.trim() === '' ? undefined : input.value.trim()));
      return h('div', {}, label(input), list);
    }
    if (schema.type === 'object' && schema.properties && Object.values(schema.properties).every((p) => p.type === 'number' || p.type === 'integer')) {
      return h(
        'fieldset',
        { class: 'field sub', title: schema.description ?? '' },
        h('legend', {}, path.at(-1)!, schema.description ? h('small', {}, ` ${schema.description}`) : null),
        ...Object.entries(schema.properties).map(([k, p]) => control([...path, k], p, [])),
      );
    }
    // Anything else (lists, either-or values): YAML, e.g. `{ ppm: 3, hours: 96 }` or `true`.
    const input = h('input', {
      id,
      type: 'text',
      class: 'yaml',
      autocomplete: 'off',
      spellcheck: 'false',
      placeholder: 'YAML, e.g. { … } or [ … ]',
      value: value === undefined ? '' : stringifyYaml(value, { collectionStyle: 'flow' }).trim(),
    });
    input.addEventListener('change', () => {
      if (input.value.trim() === '') return set(undefined);
      try {
        set(parseYaml(input.value));
        input.removeAttribute('aria-invalid');
      } catch {
        input.setAttribute('aria-invalid', 'true');
        messages.textContent = `${path.join('.')}: not readable as YAML.`;
      }
    });
    return label(input);
  }

  // Import / export of the pin-map file (YAML, JSON or CSV, as `a4s check` reads).
  const fileInput = h('input', { id: 'pinmap-file', type: 'file', accept: '.yaml,.yml,.json,.csv,text/yaml,application/json,text/csv' });
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    const imported = importPinMap(await file.text(), formatOfName(file.name), pn);
    if (!imported.ok) {
      messages.textContent = `${file.name}: ${imported.error.code}: ${imported.error.message}`;
      return;
    }
    doc = imported.value;
    const nets = netNames(doc).length;
    messages.textContent = `Imported ${file.name}: ${countPins(doc)} pin assignment(s), ${nets} net(s)${doc.mate ? `, mate ${String(doc.mate)}` : ''}${doc.conditions ? ', conditions' : ''}.${imported.note ? ` ${imported.note}` : ''}`;
    syncInputs();
    renderFields();
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
    syncInputs();
    run();
  };

  renderFields();
  run();
  return h(
    'div',
    { class: 'pinmap' },
    h(
      'div',
      { class: 'toolbar' },
      h('label', { for: 'pinmap-file', class: 'field' }, h('span', {}, 'Import a pin map (YAML, JSON, CSV)'), fileInput),
      h('button', { type: 'button', class: 'secondary', id: 'pinmap-export-yaml', onclick: () => exportAs('yaml') }, 'Export YAML'),
      h('button', { type: 'button', class: 'secondary', id: 'pinmap-export-json', onclick: () => exportAs('json') }, 'Export JSON'),
      h('button', { type: 'button', class: 'secondary', onclick: clear }, 'Clear pins'),
    ),
    messages,
    h(
      'p',
      { class: 'hint' },
      `Pins as the footprint places them, top view (component side), pin 1 marked ${pin1Glyph(pin1Row)}. Arrow keys move between rows; paste rows “pin, net, current” or a column of nets from a spreadsheet.`,
    ),
    h('div', { class: 'grid-wrap' }, grid),
    drawingHost,
    h('div', { class: 'pinmap-results' }, h('div', {}, h('h3', {}, 'Findings'), findingsHost), h('div', {}, h('h3', {}, 'Nets'), netsHost)),
    h('details', { class: 'doc-details' }, h('summary', {}, 'Mate, conditions, connectors, IR-drop threshold'), fieldsHost),
  );
}

function hasPins(doc: PinMapDoc): boolean {
  return countPins(doc) > 0;
}

function countPins(doc: PinMapDoc): number {
  const p = doc.pins;
  return Array.isArray(p) ? p.length : typeof p === 'object' && p !== null ? Object.keys(p).length : 0;
}

export function findingList(findings: readonly Finding[]): HTMLElement {
  const sorted = [...findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  return h(
    'ul',
    { class: 'findings' },
    ...sorted.map((f) =>
      h(
        'li',
        { class: `finding ${f.severity}`, 'data-code': f.code },
        h('strong', {}, `${f.severity.toUpperCase()} ${f.code}`),
        f.pins.length ? ` (pins ${f.pins.join(', ')})` : '',
        ': ',
        f.message,
        h('div', { class: 'fix' }, 'Fix: ', f.fix),
        h('div', { class: 'source' }, 'Rule: ', f.source),
      ),
    ),
  );
}

/**
 * The connector in the top view from its land pattern (mm, KiCad axes): fab outline with the pin-1
 * chamfer, the pads (each `data-pin`), the pin-1 marker, and lines between given pin pairs.
 */
export function connectorSvg(lp: LandPattern, places: readonly PadPlace[], marked: ReadonlySet<number>, lines: readonly [number, number][]): SVGElement {
  const c = lp.courtyard;
  const m = 0.6;
  const at = new Map(places.map((p) => [p.pin, p.pad]));
  const pin1 = at.get(1)!;
  const labelY = (pad: Pad) => pad.yMm + Math.sign(pad.yMm) * (pad.heightMm / 2 + 0.8);
  const label = (pin: number) =>
    s('text', { x: at.get(pin)!.xMm, y: labelY(at.get(pin)!), class: 'label', 'text-anchor': 'middle', 'dominant-baseline': 'middle' }, String(pin));
  return s(
    'svg',
    {
      viewBox: `${c.minXMm - m} ${c.minYMm - m} ${c.maxXMm - c.minXMm + 2 * m} ${c.maxYMm - c.minYMm + 2 * m}`,
      class: 'connector',
      role: 'img',
      'aria-label': lines.length
        ? `Reverse-insertion hazards: ${lines.map(([a, b]) => `${a} with ${b}`).join('; ')}`
        : `Pads of the ${lp.pins}-pin ${lp.role}, top view, no reverse-insertion hazard`,
    },
    s('polygon', { points: lp.fabOutline.map((seg) => `${seg.x1Mm},${seg.y1Mm}`).join(' '), class: 'body' }),
    ...lp.pads
      .filter((p) => p.kind === 'terminal')
      .map((p) => s('rect', { x: p.xMm - p.widthMm / 2, y: p.yMm - p.heightMm / 2, width: p.widthMm, height: p.heightMm, class: 'pad terminal' })),
    ...places.map(({ pin, pad }) =>
      s(
        'rect',
        {
          x: pad.xMm - pad.widthMm / 2,
          y: pad.yMm - pad.heightMm / 2,
          width: pad.widthMm,
          height: pad.heightMm,
          class: `pad${marked.has(pin) ? ' hazard' : ''}${pin === 1 ? ' pin1' : ''}`,
          'data-pin': pin,
        },
        s('title', {}, `pin ${pin}`),
      ),
    ),
    s('polygon', { points: lp.pin1Marker.map((seg) => `${seg.x1Mm},${seg.y1Mm}`).join(' '), class: 'pin1-marker' }),
    label(1),
    label(2),
    label(lp.pins - 1),
    label(lp.pins),
    ...lines.map(([a, b]) => s('line', { x1: at.get(a)!.xMm, y1: at.get(a)!.yMm, x2: at.get(b)!.xMm, y2: at.get(b)!.yMm, class: 'hazard-line' })),
    s('desc', {}, `Pin 1 at x ${pin1.xMm} mm, y ${pin1.yMm} mm (KiCad axes, top view).`),
  );
}
