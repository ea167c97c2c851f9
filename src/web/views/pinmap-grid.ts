import { announce, h } from '../dom.js';
import { pinOf, setPin, type PinMapDoc } from '../pinmap-model.js';
import { pin1Glyph, type PadPlace } from './pinmap-connector.js';
import { looksLikeKicadNetlist } from '../../checks/pinmap/netlist-components.js';

export interface PinGrid {
  readonly element: HTMLElement;
  /** Shows the document's pins in the inputs (after an import, a paste, a clear). */
  sync(): void;
  /** Marks the cells of these pins (reverse-insertion hazards), and only these. */
  markHazards(pins: ReadonlySet<number>): void;
}

/**
 * The pins as the land pattern puts them (top view): a net and a current input per pin. DOM order
 * is pin order (Tab goes 1, 2, 3 …); CSS places each cell where its pad is. Arrow keys move as the
 * pads stand; a paste from a spreadsheet fills several pins. Every edit goes into the document
 * (`currentDoc()`), then `onEdit`.
 */
export function pinGrid(pn: string, pins: number, places: readonly PadPlace[], currentDoc: () => PinMapDoc, onEdit: () => void): PinGrid {
  const placeOf = new Map(places.map((p) => [p.pin, p]));
  const pin1Row = placeOf.get(1)!.row;
  const grid = h('div', {
    class: 'pin-grid',
    role: 'group',
    'aria-label': `Pins of ${pn} in the top view (component side): pin 1 in the ${pin1Row === 1 ? 'top' : 'bottom'} row at the left, pin 2 in the ${pin1Row === 1 ? 'bottom' : 'top'} row`,
  });
  grid.style.setProperty('--cols', String(pins / 2));
  const wrap = h('div', { class: 'grid-wrap' }, grid);
  const inputs = new Map<number, { net: HTMLInputElement; current: HTMLInputElement; cell: HTMLElement }>();

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
      class: 'pin-net',
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
    const edit = () => {
      setPin(currentDoc(), p, net.value, current.value);
      fitNames();
      onEdit();
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
    if (!/[\t\n]/.test(text.trim()) || looksLikeKicadNetlist(text)) return; // a netlist: the editor reads it as one
    e.preventDefault();
    const rows = text
      .replace(/\r/g, '')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => l.split(l.includes('\t') ? '\t' : ',').map((c) => c.trim()));
    const doc = currentDoc();
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
    sync();
    onEdit();
    announce(`${filled} pin${filled === 1 ? '' : 's'} filled from the clipboard.`);
  }

  function sync() {
    const doc = currentDoc();
    for (const [p, { net, current }] of inputs) {
      const v = pinOf(doc, p);
      net.value = v.net;
      current.value = v.currentA;
    }
    fitNames();
  }

  // Every name shown whole: the net inputs are as wide as the longest name (monospace, in ch), and a
  // connector wider than the page continues in bands below (the pads' order kept, left to right),
  // so that all pins of an 80-pin part are seen at once without scrolling or cutting a name.
  const columns = Math.max(...places.map((q) => q.column));
  let nameCh = 0;
  let bandColumns = 0;
  const captions: HTMLElement[] = [];
  function fitNames() {
    let longest = 6;
    for (const { net } of inputs.values()) longest = Math.max(longest, net.value.length);
    const ch = Math.min(longest, 40);
    if (ch === nameCh) return;
    nameCh = ch;
    grid.style.setProperty('--name-ch', String(ch));
    bandColumns = 0; // cell widths changed: lay out again
    layout();
  }

  /** Bands of as many pad columns as the width holds (evened out), each with a caption naming its pins. */
  function layout() {
    const width = wrap.clientWidth;
    const first = inputs.get(1)?.cell;
    const cellWidth = first?.offsetWidth ?? 0;
    const gap = Number.parseFloat(getComputedStyle(grid).columnGap) || 0;
    const fit = width > 0 && cellWidth > 0 ? Math.max(1, Math.floor((width + gap) / (cellWidth + gap))) : columns;
    const bands = Math.ceil(columns / Math.min(fit, columns));
    const perBand = Math.ceil(columns / bands);
    if (perBand === bandColumns) return;
    bandColumns = perBand;
    grid.style.setProperty('--band-cols', String(perBand));
    for (const c of captions.splice(0)) c.remove();
    for (let b = 0; b < bands; b++) {
      const inBand = places.filter((q) => Math.ceil(q.column / perBand) === b + 1).map((q) => q.pin);
      if (bands > 1) {
        const caption = h(
          'div',
          { class: 'band-caption' },
          `${b === 0 ? '' : 'continued: '}pins ${Math.min(...inBand)}–${Math.max(...inBand)}${b < bands - 1 ? ' (continues below)' : ''}`,
        );
        caption.style.gridRow = String(b * 3 + 1);
        caption.style.gridColumn = '1 / -1';
        captions.push(caption);
        grid.append(caption);
      }
    }
    for (const q of places) {
      const cell = inputs.get(q.pin)?.cell;
      if (!cell) continue;
      const band = Math.floor((q.column - 1) / perBand);
      cell.style.gridColumn = String(q.column - band * perBand);
      cell.style.gridRow = String(band * 3 + 1 + q.row);
    }
  }
  if (typeof ResizeObserver !== 'undefined') new ResizeObserver(() => layout()).observe(wrap);
  fitNames();

  function markHazards(hazardous: ReadonlySet<number>) {
    for (const [p, { cell }] of inputs) cell.classList.toggle('hazard', hazardous.has(p));
  }

  return { element: wrap, sync, markHazards };
}
