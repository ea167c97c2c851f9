import { formatPartNumber } from '../../partnumber/index.js';
import { queryParts, type PartDescription } from '../../select/index.js';
import { builtInSeries, productTypeTable, type Series } from '../../catalog/index.js';
import { announce, h, replace } from '../dom.js';
import { queryOf, type PageState } from '../url.js';

type Navigate = (state: PageState, replace?: boolean) => void;

interface Column {
  readonly key: string;
  readonly label: string;
  readonly value: (p: PartDescription) => string | number;
  readonly numeric?: boolean;
}

const heights = (p: PartDescription) => (p.inspection ? 'not stated' : (p.matedHeightsMm ?? []).map((x) => x.toFixed(1)).join(' / '));

const COLUMNS: readonly Column[] = [
  { key: 'partNumber', label: 'Part number', value: (p) => p.partNumber ?? '' },
  { key: 'role', label: 'Role', value: (p) => p.role ?? '' },
  { key: 'pins', label: 'Pins', value: (p) => p.pins ?? 0, numeric: true },
  { key: 'height', label: 'Mated height (mm)', value: heights },
  { key: 'packaging', label: 'Packaging', value: (p) => (p.packaging ? `${p.packaging.tapePitchMm} mm tape` : '—') },
  { key: 'reel', label: 'Pieces / reel', value: (p) => p.packaging?.piecesPerReel ?? 0, numeric: true },
  { key: 'inspection', label: 'Inspection', value: (p) => inspectionCell(p) },
  { key: 'A', label: 'A × B × C (mm)', value: (p) => (p.dimensionsMm ? p.dimensionsMm.A : 0), numeric: true },
];

/** "inspection (3,000 cycles)": the decode object's cycles, as the table prints them. */
function inspectionCell(p: PartDescription): string {
  return p.inspection ? `inspection (${p.matingCycles?.toLocaleString('en-US') ?? '—'} cycles)` : 'production';
}

function sortParts(parts: PartDescription[], sort: string): PartDescription[] {
  const desc = sort.startsWith('-');
  const column = COLUMNS.find((c) => c.key === sort.replace(/^-/, ''));
  if (!column) return parts;
  const sign = desc ? -1 : 1;
  return [...parts].sort((a, b) => {
    const x = column.value(a);
    const y = column.value(b);
    return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y)));
  });
}

function select(name: string, label: string, value: string | undefined, options: readonly [string, string][], onChange: (v: string) => void) {
  const id = `f-${name}`;
  const el = h('select', { id, name }, ...options.map(([v, text]) => h('option', { value: v, selected: (value ?? '') === v }, text)));
  el.addEventListener('change', () => onChange(el.value));
  return h('label', { for: id, class: 'field' }, h('span', {}, label), el);
}

function numberInput(name: string, label: string, value: string | undefined, onInput: (v: string) => void, hint?: string) {
  const id = `f-${name}`;
  const el = h('input', {
    id,
    name,
    type: 'number',
    inputmode: 'numeric',
    min: 1,
    max: 999,
    step: 1,
    value: value ?? '',
    'aria-describedby': hint ? `${id}-hint` : null,
  });
  el.addEventListener('input', () => onInput(el.value));
  return h('label', { for: id, class: 'field' }, h('span', {}, label), el, hint ? h('small', { id: `${id}-hint` }, hint) : null);
}

/** The parametric table of every part; filters and sort live in the URL. */
export function renderSelector(root: HTMLElement, state: PageState, navigate: Navigate, series: Series = builtInSeries): void {
  let current = state;
  const tableHost = h('div', { class: 'table-wrap' });
  const status = h('p', { class: 'status', role: 'status' });
  const errorBox = h('p', { class: 'error', role: 'alert', hidden: true });

  // Typing replaces the history entry (no entry per keystroke); the URL always holds the filters.
  const update = (patch: Partial<PageState> & { filters?: PageState['filters'] }) => {
    current = { ...current, ...patch, filters: { ...current.filters, ...(patch.filters ?? {}) } };
    navigate(current, true);
  };
  const setFilter = (name: string, value: string) => {
    const filters: Record<string, string | boolean | undefined> = { ...current.filters };
    if (value === '') delete filters[name];
    else filters[name] = value;
    current = { ...current, filters };
    navigate(current, true);
  };
  const setUse = (value: string) => {
    const filters: Record<string, string | boolean | undefined> = { ...current.filters };
    delete filters.inspection;
    delete filters.production;
    if (value === 'inspection') filters.inspection = 'true';
    if (value === 'production') filters.production = 'true';
    current = { ...current, filters };
    navigate(current, true);
  };

  const f = current.filters;
  const use = f.inspection ? 'inspection' : f.production ? 'production' : '';
  const q = h('input', {
    id: 'f-q',
    name: 'q',
    type: 'search',
    value: current.q,
    placeholder: `e.g. ${formatPartNumber({ role: 'socket', pins: 40, inspection: false, matedHeightMm: null, packaging: '8mm-pitch' }, series)}`,
    autocomplete: 'off',
    spellcheck: 'false',
  });
  q.addEventListener('input', () => update({ q: q.value.trim() }));
  const form = h(
    'form',
    { class: 'filters', role: 'search', 'aria-label': 'Filter the parts' },
    h('label', { for: 'f-q', class: 'field grow' }, h('span', {}, 'Part number contains'), q),
    select(
      'role',
      'Role',
      f.role,
      [
        ['', 'any'],
        ['socket', 'socket'],
        ['header', 'header'],
      ],
      (v) => setFilter('role', v),
    ),
    numberInput('min-signals', 'At least N signals', f['min-signals'], (v) => setFilter('min-signals', v), 'smallest pin count that fits'),
    select('pins', 'Pins', f.pins, [['', 'any'], ...series.standardPinCounts.map((n): [string, string] => [String(n), String(n)])], (v) =>
      setFilter('pins', v),
    ),
    select(
      'height',
      'Mated height',
      f.height,
      [
        ['', 'any'],
        ['0.8', '0.8 mm'],
        ['1.0', '1.0 mm'],
      ],
      (v) => setFilter('height', v),
    ),
    select(
      'packaging',
      'Packaging',
      f.packaging,
      [
        ['', 'any'],
        ['8mm-pitch', `8 mm tape, ${productTypeTable('8mm-pitch', series.catalog).piecesPerReel.toLocaleString('en-US')}/reel`],
        ['4mm-pitch', `4 mm tape, ${productTypeTable('4mm-pitch', series.catalog).piecesPerReel.toLocaleString('en-US')}/reel`],
      ],
      (v) => setFilter('packaging', v),
    ),
    select(
      'use',
      'Production / inspection',
      use,
      [
        ['', 'both'],
        ['production', 'production only'],
        ['inspection', 'inspection only'],
      ],
      setUse,
    ),
    h('button', { type: 'button', class: 'secondary', onclick: () => navigate({ ...current, filters: {}, q: '', sort: '' }) }, 'Clear filters'),
  );
  form.addEventListener('submit', (e) => e.preventDefault());

  const draw = () => {
    const { query, error } = queryOf(current.filters);
    errorBox.hidden = error === null;
    errorBox.textContent = error ?? '';
    const answer = queryParts(query, series);
    const needle = current.q.toUpperCase();
    const parts = sortParts(
      answer.parts.filter((p) => !needle || (p.partNumber ?? '').includes(needle)),
      current.sort,
    );
    const sortKey = current.sort.replace(/^-/, '');
    const desc = current.sort.startsWith('-');
    const head = h(
      'tr',
      {},
      ...COLUMNS.map((c) => {
        const active = c.key === sortKey;
        const button = h(
          'button',
          { type: 'button', class: 'sort', 'aria-label': `Sort by ${c.label}${active && !desc ? ', descending' : ''}` },
          c.label,
          active ? (desc ? ' ▼' : ' ▲') : '',
        );
        button.addEventListener('click', () => update({ sort: active && !desc ? `-${c.key}` : c.key }));
        return h('th', { scope: 'col', 'aria-sort': active ? (desc ? 'descending' : 'ascending') : null, class: c.numeric ? 'num' : null }, button);
      }),
    );
    const rows = parts.map((p) =>
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, h('a', { href: `/?pn=${encodeURIComponent(p.partNumber ?? '')}`, 'data-nav': true }, p.partNumber)),
        h('td', {}, p.role),
        h('td', { class: 'num' }, p.pins),
        h('td', {}, heights(p)),
        h('td', {}, p.packaging ? `${p.packaging.tapePitchMm} mm tape` : '—'),
        h('td', { class: 'num' }, p.packaging?.piecesPerReel?.toLocaleString('en-US') ?? '—'),
        h('td', {}, inspectionCell(p)),
        h('td', { class: 'num' }, p.dimensionsMm ? `${p.dimensionsMm.A} × ${p.dimensionsMm.B} × ${p.dimensionsMm.C}` : '—'),
      ),
    );
    replace(
      tableHost,
      h('table', { class: 'parts' }, h('caption', { class: 'sr-only' }, `${series.name} parts, filtered`), h('thead', {}, head), h('tbody', {}, ...rows)),
    );
    const text = `${parts.length} part${parts.length === 1 ? '' : 's'}.${answer.note ? ` ${answer.note}` : ''}`;
    status.textContent = text;
    announce(text);
  };

  replace(
    root,
    h('h1', {}, `${series.name} connectors`),
    h(
      'p',
      { class: 'lead' },
      `Panasonic ${series.name} ${series.pitchMm} mm pitch board-to-FPC connectors. Filter, sort, open a part for its drawing, files and pin-map check.`,
    ),
    form,
    errorBox,
    status,
    tableHost,
  );
  draw();
  // Re-draw in place on later state changes (the inputs keep focus while typing).
  root.dataset.view = 'selector';
  (root as HTMLElement & { redraw?: (s: PageState) => void }).redraw = (s: PageState) => {
    current = s;
    draw();
  };
}
