import {
  checkMatedPair,
  looksLikeKicadNetlist,
  netlistComponents,
  parseKicadNetlist,
  parseNetMapCsv,
  parsePinMapText,
  type MatedCheckReport,
  type NetlistComponent,
  type NetlistConnector,
  type NetMapPair,
} from '../../checks/index.js';
import { checkPartNumber } from '../../partnumber/index.js';
import { findingList, ruleFinding } from '../components/findings.js';
import { announce, dropZone, h, replace } from '../dom.js';
import type { PinMapDoc } from '../pinmap-model.js';

/**
 * KiCad netlists in the pin-map editor: a `.net` dropped, chosen or pasted is read as a netlist (not
 * as YAML), the reference designator is asked for (the components naming an A4S part number are
 * offered first), and its pins fill the editor. The other board's netlist (the FPC) and an optional
 * net map run the two-board check, the CLI's own (`checkMatedPair`, as `a4s check --netlist board.net
 * --ref J1 --mate-netlist fpc.net --mate-ref P1 --net-map map.csv`), with the editor's document as
 * the pin map that adds currents, voltages and kinds (none typed: the CLI's findings without a file).
 */

export { looksLikeKicadNetlist };

interface LoadedNetlist {
  readonly name: string;
  readonly text: string;
  readonly components: NetlistComponent[];
  ref: string | null;
  connector: NetlistConnector | null;
}

/** What a netlist carries over when its connector is another part than the page's: the page is opened for that part. */
interface Carry {
  readonly pn: string;
  readonly board: { name: string; text: string; ref: string };
  readonly mate: { name: string; text: string; ref: string | null } | null;
  readonly netMap: { name: string; text: string } | null;
}
let carried: Carry | null = null;

export interface NetlistPanel {
  readonly element: HTMLElement;
  /** Reads a text as this board's netlist (a drop, a paste, a file chosen in the import field). */
  loadBoard(name: string, text: string): void;
  /** Runs the two-board check again (the document changed). */
  rerun(): void;
}

export function netlistPanel(pn: string, currentDoc: () => PinMapDoc, fillPins: (connector: NetlistConnector, message: string) => void): NetlistPanel {
  let board: LoadedNetlist | null = null;
  let mate: LoadedNetlist | null = null;
  let netMap: { name: string; pairs: NetMapPair[] } | null = null;
  let netMapText: { name: string; text: string } | null = null;

  const status = h('p', { class: 'status', id: 'pinmap-netlist-status', role: 'status' });
  const boardRefHost = h('div', { class: 'field', id: 'pinmap-netlist-ref-host' });
  const mateRefHost = h('div', { class: 'field', id: 'pinmap-mate-ref-host' });
  const matedHost = h('div', { id: 'pinmap-mated', 'aria-live': 'polite' });
  const accept = '.net,text/plain';
  const boardFile = h('input', { id: 'pinmap-netlist-file', type: 'file', accept });
  const mateFile = h('input', { id: 'pinmap-mate-netlist-file', type: 'file', accept });
  const mapFile = h('input', { id: 'pinmap-net-map-file', type: 'file', accept: '.csv,.tsv,text/csv' });
  const boardDrop = h(
    'div',
    { class: 'dropzone small', id: 'pinmap-netlist-drop', tabindex: 0, role: 'button' },
    'Drop this board’s KiCad netlist (.net) here, or paste it anywhere in the editor',
  );
  const mateDrop = h('div', { class: 'dropzone small', id: 'pinmap-mate-drop', tabindex: 0, role: 'button' }, 'Drop the other board’s netlist (the FPC) here');

  const offer = (n: LoadedNetlist, id: string, label: string, onPick: (ref: string) => void): HTMLElement[] => {
    if (n.components.length === 0) {
      const input = h('input', { id, type: 'text', placeholder: 'e.g. J1', size: 8, 'aria-label': label });
      input.addEventListener('change', () => input.value.trim() && onPick(input.value.trim()));
      return [h('span', {}, `${label}: ${n.name} names no A4S part number and no connector reference (J, P, CN, X); type the reference`), input];
    }
    const select = h(
      'select',
      { id, 'aria-label': label },
      h('option', { value: '', selected: n.ref === null, disabled: true }, 'Choose the connector…'),
      ...n.components.map((c) =>
        h(
          'option',
          { value: c.reference, selected: c.reference === n.ref },
          `${c.reference} — ${c.partNumber ?? c.value ?? 'no value'} (${c.why === 'A4S part number' ? 'A4S part number' : 'connector, no A4S part number'})`,
        ),
      ),
    );
    select.addEventListener('change', () => onPick(select.value));
    return [h('span', {}, `${label} (${n.name})`), select];
  };

  function read(name: string, text: string): LoadedNetlist | string {
    const comps = netlistComponents(text);
    if (!comps.ok) return `${name}: ${comps.error.code}: ${comps.error.message}`;
    return { name, text, components: comps.value, ref: null, connector: null };
  }

  /** The one A4S component of a netlist, or null when there are none or several (then the person chooses). */
  const onlyA4s = (n: LoadedNetlist) => {
    const a4s = n.components.filter((c) => c.partNumber !== null);
    return a4s.length === 1 ? a4s[0]!.reference : null;
  };

  function loadBoard(name: string, text: string, ref: string | null = null): void {
    const n = read(name, text);
    if (typeof n === 'string') {
      status.textContent = n;
      return;
    }
    board = n;
    const chosen = ref ?? onlyA4s(n);
    replace(boardRefHost, ...offer(n, 'pinmap-netlist-ref', 'Connector in this board’s netlist', (r) => pickBoard(r, false)));
    if (chosen !== null) pickBoard(chosen, ref === null);
    else status.textContent = `Read ${name} as a KiCad netlist: ${n.components.length} candidate connector(s). Choose the connector’s reference.`;
    mateSection.hidden = false;
  }

  function pickBoard(ref: string, guessed: boolean): void {
    if (!board) return;
    const parsed = parseKicadNetlist(board.text, ref);
    if (!parsed.ok) {
      status.textContent = `${board.name}: ${parsed.error.code}: ${parsed.error.message}`;
      return;
    }
    const c = parsed.value;
    board.ref = c.reference;
    board.connector = c;
    const select = boardRefHost.querySelector('select');
    if (select) select.value = c.reference;
    const part = c.partNumber ? checkPartNumber(c.partNumber).partNumber : null;
    if (part && part !== pn) {
      // Another part than this page's: the page is opened for it, with the netlists carried over.
      carried = {
        pn: part,
        board: { name: board.name, text: board.text, ref: c.reference },
        mate: mate ? { name: mate.name, text: mate.text, ref: mate.ref } : null,
        netMap: netMapText,
      };
      history.pushState(null, '', `/?view=pinmap&pn=${encodeURIComponent(part)}`);
      window.dispatchEvent(new PopStateEvent('popstate'));
      return;
    }
    const why = guessed ? ` (the only component of ${board.name} naming an A4S part number; choose another above)` : '';
    const named = part ? `${part} in its value or fields` : `no A4S part number: checked as ${pn}, this page’s part (as --part ${pn})`;
    fillPins(
      c,
      `Read ${c.reference}${why} from the KiCad netlist ${board.name}: ${c.pins.length} pin(s), ${new Set(c.pins.map((p) => p.net).filter(Boolean)).size} net(s); ${named}.${c.ignoredPins.length ? ` Pins not numbered as contacts, left out: ${c.ignoredPins.join(', ')}.` : ''}`,
    );
    runMated();
  }

  function loadMate(name: string, text: string, ref: string | null = null): void {
    const n = read(name, text);
    if (typeof n === 'string') {
      replace(matedHost, h('p', { class: 'error', role: 'alert' }, n));
      return;
    }
    mate = n;
    replace(mateRefHost, ...offer(n, 'pinmap-mate-ref', 'Mating connector in the other board’s netlist', (r) => pickMate(r)));
    const chosen = ref ?? onlyA4s(n);
    if (chosen !== null) pickMate(chosen);
    else replace(matedHost, h('p', { class: 'hint' }, `Read ${name}: choose the mating connector’s reference.`));
  }

  function pickMate(ref: string): void {
    if (!mate) return;
    const parsed = parseKicadNetlist(mate.text, ref);
    if (!parsed.ok) {
      replace(
        matedHost,
        h('p', { class: 'error', role: 'alert', 'data-code': parsed.error.code }, `${mate.name}: ${parsed.error.code}: ${parsed.error.message}`),
      );
      return;
    }
    mate.ref = parsed.value.reference;
    mate.connector = parsed.value;
    const select = mateRefHost.querySelector('select');
    if (select) select.value = parsed.value.reference;
    runMated();
  }

  function loadNetMap(name: string, text: string): void {
    const parsed = parseNetMapCsv(text);
    netMapText = { name, text };
    if (!parsed.ok) {
      netMap = null;
      replace(matedHost, h('p', { class: 'error', role: 'alert', 'data-code': parsed.error.code }, `${name}: ${parsed.error.code}: ${parsed.error.message}`));
      return;
    }
    netMap = { name, pairs: parsed.value };
    runMated();
  }

  /** The CLI's two-board check with the editor's document as the pin map (its currents, voltages, kinds). */
  function runMated(): void {
    if (!board?.connector || !mate?.connector) return;
    const base = parsePinMapText(JSON.stringify(currentDoc()), 'json', { allowNoPins: true });
    if (!base.ok) {
      replace(matedHost, h('p', { class: 'error', role: 'alert', 'data-code': base.error.code }, `The pin map: ${base.error.code}: ${base.error.message}`));
      return;
    }
    const result = checkMatedPair({ board: board.connector, mate: mate.connector, netMap: netMap?.pairs ?? [], base: base.value, part: base.value.part ?? pn });
    if (!result.ok) {
      replace(matedHost, h('p', { class: 'error', role: 'alert', 'data-code': result.error.code }, `${result.error.code}: ${result.error.message}`));
      return;
    }
    renderMated(result.value);
  }

  function renderMated(r: MatedCheckReport): void {
    const s = r.summary;
    const m = r.mating;
    replace(
      matedHost,
      h(
        'h4',
        {},
        `Two-board check: ${m.board.reference} ${r.part ?? '?'} (${board!.name}) + ${m.mate.reference} ${r.mate ?? '?'} (${mate!.name})${netMap ? `, net map ${netMap.name}` : ''}`,
      ),
      h(
        'p',
        { class: s.errors ? 'error' : 'ok', id: 'pinmap-mated-summary', 'data-errors': s.errors },
        `${s.errors} error(s), ${s.warnings} warning(s), ${s.infos} note(s). Pin n of ${m.board.reference} meets pin n of ${m.mate.reference}.`,
      ),
      findingList(r.findings, (f) =>
        ruleFinding(f, [f.pins.length ? `pins ${f.pins.join(', ')}` : '', f.nets.length ? `nets ${f.nets.join(', ')}` : ''].filter(Boolean).join(' · ')),
      ),
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { class: 'mated-pins' },
          h('caption', {}, `Mated pins (${m.board.reference} pin n meets ${m.mate.reference} pin n)`),
          h('thead', {}, h('tr', {}, ...['pin', m.board.reference, 'kind', m.mate.reference, 'kind', 'status'].map((t) => h('th', { scope: 'col' }, t)))),
          h(
            'tbody',
            {},
            ...m.pins.map((p) =>
              h(
                'tr',
                { 'data-status': p.status },
                h('td', { class: 'num' }, p.pin),
                h('td', {}, p.boardNet ?? 'NC'),
                h('td', {}, p.boardKind ?? '—'),
                h('td', {}, p.mateNet ?? 'NC'),
                h('td', {}, p.mateKind ?? '—'),
                h('td', {}, p.status),
              ),
            ),
          ),
        ),
      ),
    );
    announce(`Two-board check: ${s.errors} errors, ${s.warnings} warnings.`);
  }

  const fileText = async (input: HTMLInputElement, then: (name: string, text: string) => void) => {
    const f = input.files?.[0];
    if (f) then(f.name, await f.text());
  };
  boardFile.addEventListener('change', () => void fileText(boardFile, (n, t) => loadBoard(n, t)));
  mateFile.addEventListener('change', () => void fileText(mateFile, (n, t) => loadMate(n, t)));
  mapFile.addEventListener('change', () => void fileText(mapFile, loadNetMap));
  dropZone(boardDrop, boardFile, async (f) => loadBoard(f.name, await f.text()));
  dropZone(mateDrop, mateFile, async (f) => loadMate(f.name, await f.text()));

  const mateSection = h(
    'div',
    { class: 'netlist-mate', hidden: true },
    h('h4', {}, 'Two boards: the other board’s netlist (the FPC)'),
    h(
      'div',
      { class: 'toolbar' },
      h('label', { for: 'pinmap-mate-netlist-file', class: 'field' }, h('span', {}, 'Other board’s netlist (.net)'), mateFile),
      h('label', { for: 'pinmap-net-map-file', class: 'field' }, h('span', {}, 'Net map (CSV board,mate; optional)'), mapFile),
      mateRefHost,
    ),
    mateDrop,
    matedHost,
  );

  const element = h(
    'div',
    { class: 'netlist-panel', id: 'pinmap-netlist' },
    h('h3', {}, 'KiCad netlists'),
    h(
      'div',
      { class: 'toolbar' },
      h('label', { for: 'pinmap-netlist-file', class: 'field' }, h('span', {}, 'This board’s netlist (.net)'), boardFile),
      boardRefHost,
    ),
    boardDrop,
    status,
    mateSection,
  );

  // A netlist carried over from a page of another part: read again here, with the same choices.
  if (carried && carried.pn === pn) {
    const c = carried;
    carried = null;
    queueMicrotask(() => {
      loadBoard(c.board.name, c.board.text, c.board.ref);
      if (c.netMap) {
        netMapText = c.netMap;
        const parsed = parseNetMapCsv(c.netMap.text);
        if (parsed.ok) netMap = { name: c.netMap.name, pairs: parsed.value };
      }
      if (c.mate) loadMate(c.mate.name, c.mate.text, c.mate.ref);
    });
  }

  return { element, loadBoard: (name, text) => loadBoard(name, text), rerun: runMated };
}
