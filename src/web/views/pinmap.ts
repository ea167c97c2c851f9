import { stringify } from 'yaml';
import { checkPinMap, parsePinMapText, type PinMapFormat } from '../../checks/index.js';
import type { CheckReport, Finding } from '../../checks/types.js';
import { reversedPin } from '../../geometry/pinout.js';
import { announce, h, replace, s } from '../dom.js';

interface PinEntry {
  net: string;
  currentA: string;
}

/**
 * The pin-map editor: the part's pins as on the board (two rows, pin 1 marked), nets and currents
 * typed or pasted from a spreadsheet, the pin-map check run on every change (in the browser, the
 * same code as `a4s check`), reverse-insertion hazards drawn on the connector, import / export.
 */
export function pinMapEditor(pn: string, pins: number): HTMLElement {
  const entries = new Map<number, PinEntry>();
  for (let p = 1; p <= pins; p++) entries.set(p, { net: '', currentA: '' });
  const perRow = pins / 2;
  const grid = h('div', { class: 'pin-grid', role: 'group', 'aria-label': `Pins of ${pn} as on the board: even pins in the top row, odd pins below, pin 1 at the left` });
  grid.style.setProperty('--cols', String(perRow));
  const inputs = new Map<number, { net: HTMLInputElement; current: HTMLInputElement; cell: HTMLElement }>();
  const findingsHost = h('div', { id: 'pinmap-findings', 'aria-live': 'polite' });
  const drawingHost = h('div', { class: 'hazard-drawing' });
  const messages = h('p', { class: 'status', role: 'status' });

  // DOM order is pin order (Tab goes 1, 2, 3 …); CSS places each cell in its row and column.
  for (let p = 1; p <= pins; p++) {
    const position = Math.ceil(p / 2);
    const net = h('input', { id: `pin-${p}-net`, type: 'text', autocomplete: 'off', spellcheck: 'false', 'aria-label': `Pin ${p} net`, placeholder: 'net', 'data-pin': p });
    const current = h('input', { id: `pin-${p}-current`, type: 'number', min: 0, step: 0.01, inputmode: 'decimal', 'aria-label': `Pin ${p} current (A)`, placeholder: 'A', 'data-pin': p });
    const cell = h('div', { class: `pin-cell${p === 1 ? ' pin1' : ''}`, 'data-pin': p }, h('span', { class: 'pin-no' }, p === 1 ? '▲ 1' : p), net, current);
    cell.style.gridColumn = String(position);
    cell.style.gridRow = p % 2 === 0 ? '1' : '2';
    net.addEventListener('input', () => { entries.get(p)!.net = net.value; schedule(); });
    current.addEventListener('input', () => { entries.get(p)!.currentA = current.value; schedule(); });
    net.addEventListener('paste', (e) => onPaste(e, p));
    current.addEventListener('keydown', (e) => moveFocus(e, p));
    net.addEventListener('keydown', (e) => moveFocus(e, p));
    inputs.set(p, { net, current, cell });
    grid.append(cell);
  }

  /** Arrow keys move like on the board: left/right along a row, up/down between the rows. */
  function moveFocus(e: KeyboardEvent, p: number) {
    const field = (e.target as HTMLElement).id.endsWith('-net') ? 'net' : 'current';
    let target: number | null = null;
    if (e.key === 'ArrowUp' && p % 2 === 1) target = p + 1;
    else if (e.key === 'ArrowDown' && p % 2 === 0) target = p - 1;
    else if (e.altKey && e.key === 'ArrowRight') target = p + 2;
    else if (e.altKey && e.key === 'ArrowLeft') target = p - 2;
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
    const rows = text.replace(/\r/g, '').split('\n').filter((l) => l.trim() !== '').map((l) => l.split(l.includes('\t') ? '\t' : ',').map((c) => c.trim()));
    let filled = 0;
    let next = startPin;
    for (const row of rows) {
      const pinFirst = /^\d+$/.test(row[0] ?? '') && row.length >= 2;
      const pin = pinFirst ? Number(row[0]) : next++;
      const [netText, currentText] = pinFirst ? [row[1], row[2]] : [row[0], row[1]];
      const entry = entries.get(pin);
      if (!entry) continue;
      entry.net = netText ?? '';
      entry.currentA = currentText && /^\d*\.?\d+$/.test(currentText) ? currentText : entry.currentA;
      filled++;
    }
    syncInputs();
    schedule();
    announce(`${filled} pin${filled === 1 ? '' : 's'} filled from the clipboard.`);
  }

  function syncInputs() {
    for (const [p, { net, current }] of inputs) {
      net.value = entries.get(p)!.net;
      current.value = entries.get(p)!.currentA;
    }
  }

  function documentOf(): { part: string; pins: Record<string, string | { net: string; currentA: number }> } {
    const map: Record<string, string | { net: string; currentA: number }> = {};
    for (const [p, e] of entries) {
      const net = e.net.trim();
      if (!net) continue;
      const current = e.currentA.trim() === '' ? NaN : Number(e.currentA);
      map[String(p)] = Number.isFinite(current) ? { net, currentA: current } : net;
    }
    return { part: pn, pins: map };
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  }

  function run() {
    const doc = documentOf();
    if (Object.keys(doc.pins).length === 0) {
      replace(findingsHost, h('p', { class: 'hint' }, 'Type nets (and currents in A) into the pins, or paste them from a spreadsheet, or import a pin-map file. Findings appear here as you type.'));
      drawHazards(null);
      return;
    }
    const parsed = parsePinMapText(JSON.stringify(doc), 'json');
    if (!parsed.ok) {
      replace(findingsHost, h('p', { class: 'error', role: 'alert' }, `${parsed.error.code}: ${parsed.error.message}`));
      drawHazards(null);
      return;
    }
    const report = checkPinMap(parsed.value);
    renderFindings(report);
    drawHazards(report);
  }

  function renderFindings(report: CheckReport) {
    const order = { error: 0, warning: 1, info: 2 } as const;
    const findings = [...report.findings].sort((a, b) => order[a.severity] - order[b.severity]);
    const s = report.summary;
    replace(findingsHost,
      h('p', { class: s.errors ? 'error' : 'ok' }, `${s.errors} error(s), ${s.warnings} warning(s), ${s.infos} note(s). ${s.reversalSafe ? 'Reversal-safe.' : 'NOT reversal-safe.'}`),
      h('ul', { class: 'findings' }, ...findings.map((f) => h('li', { class: `finding ${f.severity}`, 'data-code': f.code },
        h('strong', {}, `${f.severity.toUpperCase()} ${f.code}`), f.pins.length ? ` (pins ${f.pins.join(', ')})` : '', ': ', f.message,
        h('div', { class: 'fix' }, 'Fix: ', f.fix), h('div', { class: 'source' }, 'Rule: ', f.source)))),
    );
    announce(`${s.errors} errors, ${s.warnings} warnings.`);
  }

  /** The connector from above with a red line from each hazardous pin to the pin it meets reversed. */
  function drawHazards(report: CheckReport | null) {
    for (const { cell } of inputs.values()) cell.classList.remove('hazard');
    const hazards: Finding[] = report?.findings.filter((f) => f.code === 'REVERSE_INSERTION_HAZARD') ?? [];
    const pairs = new Set<string>();
    for (const f of hazards) {
      for (const p of f.pins) {
        if (p < 1 || p > pins) continue;
        inputs.get(p)?.cell.classList.add('hazard');
        const q = reversedPin(pins, p);
        pairs.add(`${Math.min(p, q)}-${Math.max(p, q)}`);
      }
    }
    const pitch = 12;
    const w = perRow * pitch + 24;
    const x = (p: number) => 12 + (Math.ceil(p / 2) - 0.5) * pitch;
    const y = (p: number) => (p % 2 === 0 ? 14 : 46);
    const svg = s('svg', { viewBox: `0 0 ${w} 60`, class: 'connector', role: 'img', 'aria-label': pairs.size ? `Reverse-insertion hazards: ${[...pairs].map((k) => k.replace('-', ' with ')).join('; ')}` : 'No reverse-insertion hazard' },
      s('rect', { x: 4, y: 4, width: w - 8, height: 52, rx: 4, class: 'body' }),
      ...Array.from({ length: pins }, (_, i) => i + 1).map((p) => s('rect', { x: x(p) - 3, y: y(p) - 5, width: 6, height: 10, class: `pad${inputs.get(p)?.cell.classList.contains('hazard') ? ' hazard' : ''}${p === 1 ? ' pin1' : ''}` })),
      s('text', { x: x(1), y: 59, class: 'label', 'text-anchor': 'middle' }, '1'),
      ...[...pairs].map((k) => {
        const [a, b] = k.split('-').map(Number) as [number, number];
        return s('line', { x1: x(a), y1: y(a), x2: x(b), y2: y(b), class: 'hazard-line' });
      }),
    );
    replace(drawingHost, svg, hazards.length ? h('p', { class: 'error' }, `Plugged rotated by 180°, pin p meets pin ${pins + 1} − p: the red lines join pins that would short.`) : null);
  }

  // Import / export of the pin-map file (YAML, JSON or CSV, as `a4s check` reads).
  const fileInput = h('input', { id: 'pinmap-file', type: 'file', accept: '.yaml,.yml,.json,.csv,text/yaml,application/json,text/csv' });
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    const ext = file.name.toLowerCase().split('.').pop() ?? '';
    const format: PinMapFormat = ext === 'json' ? 'json' : ext === 'csv' ? 'csv' : 'yaml';
    const parsed = parsePinMapText(await file.text(), format, { part: pn });
    if (!parsed.ok) {
      messages.textContent = `${file.name}: ${parsed.error.code}: ${parsed.error.message}`;
      return;
    }
    for (const e of entries.values()) { e.net = ''; e.currentA = ''; }
    for (const a of parsed.value.pins) {
      const e = entries.get(a.pin);
      if (!e) continue;
      e.net = a.net ?? 'NC';
      e.currentA = a.currentA === undefined ? '' : String(a.currentA);
    }
    messages.textContent = `Imported ${parsed.value.pins.length} pins from ${file.name}.`;
    syncInputs();
    run();
  });
  const exportAs = (format: 'yaml' | 'json') => {
    const doc = documentOf();
    const text = format === 'json' ? `${JSON.stringify(doc, null, 2)}\n` : stringify(doc);
    const url = URL.createObjectURL(new Blob([text], { type: format === 'json' ? 'application/json' : 'application/yaml' }));
    const a = h('a', { href: url, download: `${pn}.pinmap.${format === 'json' ? 'json' : 'yaml'}` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const clear = () => {
    for (const e of entries.values()) { e.net = ''; e.currentA = ''; }
    syncInputs();
    run();
  };

  run();
  return h('div', { class: 'pinmap' },
    h('p', { class: 'hint' }, 'Nets and currents per pin, laid out as on the board seen from above (even pins on top, pin 1 marked ▲). Arrow keys move between rows; paste rows “pin, net, current” or a column of nets from a spreadsheet.'),
    h('div', { class: 'grid-wrap' }, grid),
    drawingHost,
    h('div', { class: 'toolbar' },
      h('label', { for: 'pinmap-file', class: 'field' }, h('span', {}, 'Import a pin map (YAML, JSON, CSV)'), fileInput),
      h('button', { type: 'button', class: 'secondary', onclick: () => exportAs('yaml') }, 'Export YAML'),
      h('button', { type: 'button', class: 'secondary', onclick: () => exportAs('json') }, 'Export JSON'),
      h('button', { type: 'button', class: 'secondary', onclick: clear }, 'Clear')),
    messages,
    h('h3', {}, 'Findings'),
    findingsHost,
  );
}
