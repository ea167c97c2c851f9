import { builtInSeries, type Series } from '../../catalog/index.js';
import { describePart, explainPart, matesOf } from '../../select/index.js';
import { orderQuantities, type OrderPlan } from '../../order/index.js';
import { h, replace, type Child } from '../dom.js';
import { pageOption } from '../options.js';
import type { PageState } from '../url.js';
import { pinMapEditor } from './pinmap.js';
import { footprintVerifier } from './verify.js';

type Navigate = (state: PageState, replace?: boolean) => void;

const partLink = (pn: string) => h('a', { href: `/?pn=${encodeURIComponent(pn)}`, 'data-nav': true }, pn);
const fmt = (v: unknown): string =>
  v === null || v === undefined
    ? '—'
    : Array.isArray(v)
      ? v.map(fmt).join(', ')
      : typeof v === 'object'
        ? JSON.stringify(v)
        : typeof v === 'boolean'
          ? v
            ? 'yes'
            : 'no'
          : String(v);

function section(id: string, title: string, ...children: Child[]) {
  return h('section', { id, 'aria-labelledby': `${id}-h` }, h('h2', { id: `${id}-h` }, title), ...children);
}

function downloads(pn: string) {
  const enc = encodeURIComponent(pn);
  const link = (path: string, label: string, note: string, testId: string) =>
    h('li', {}, h('a', { class: 'button', href: path, download: '', 'data-testid': testId }, label), ' ', h('small', {}, note));
  return section(
    'downloads',
    'Design files',
    h(
      'ul',
      { class: 'downloads' },
      link(`/api/parts/${enc}/footprint.kicad_mod`, 'Footprint (.kicad_mod)', 'KiCad 8 and later', 'dl-footprint'),
      link(`/api/parts/${enc}/symbol.kicad_sym`, 'Symbol (.kicad_sym)', 'KiCad 8 and later', 'dl-symbol'),
      link(`/api/parts/${enc}/model.step`, '3D model (STEP)', 'simplified, mm', 'dl-step'),
      link(`/api/parts/${enc}/model.wrl`, '3D model (VRML)', 'KiCad 3D viewer', 'dl-wrl'),
      link(`/api/parts/${enc}/drawing.svg`, 'Drawing (SVG)', 'A4, dimensioned', 'dl-drawing'),
      link('/api/library.zip', 'Whole KiCad library (.zip)', 'every footprint, symbol and model; KiCad 8 and later', 'dl-library'),
      link('/api/library-pcm.zip', 'KiCad PCM package (.zip)', 'Plugin and Content Manager → Install from File; KiCad 8 and later', 'dl-pcm'),
      link(`/api/parts/${enc}/circuit.json`, 'circuit-json', 'tscircuit and TypeScript tools', 'dl-circuit-json'),
      link('/api/library.lbr', 'Eagle / Fusion library (.lbr)', 'every package, symbol and device', 'dl-eagle'),
      link('/api/library.elibz', 'EasyEDA Pro library (.elibz)', 'every footprint, symbol and device; File > Import in EasyEDA Pro', 'dl-easyeda'),
    ),
  );
}

function orderCalculator(pn: string, series: Series) {
  // Text, not type=number: the browser would hide 12,000 from the parser (the CLI and the API take it).
  const qty = h('input', { id: 'order-qty', type: 'text', value: 1000, inputmode: 'numeric' });
  const out = h('div', { class: 'order-out', 'aria-live': 'polite' });
  const draw = () => {
    const parsed = pageOption('quantity', qty.value);
    const result = parsed.ok ? orderQuantities(pn, parsed.value, series) : parsed;
    if (!result.ok) return replace(out, h('p', { class: 'error' }, `${result.error.code}: ${result.error.message}`));
    replace(out, orderPlan(result.value));
  };
  qty.addEventListener('input', draw);
  draw();
  return h('div', { class: 'order' }, h('label', { for: 'order-qty', class: 'field' }, h('span', {}, 'Pieces needed'), qty), out);
}

function orderPlan(plan: OrderPlan) {
  const rows = [plan.reels, plan.alternative]
    .filter((r) => r !== null)
    .map((r) =>
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, r.partNumber),
        h('td', {}, r.packaging === '4mm-pitch' ? '4 mm tape' : '8 mm tape'),
        h('td', { class: 'num' }, r.piecesPerReel.value.toLocaleString('en-US')),
        h('td', { class: 'num' }, r.reels),
        h('td', { class: 'num' }, r.orderedPieces.toLocaleString('en-US')),
        h('td', { class: 'num' }, r.leftoverPieces.toLocaleString('en-US')),
        h('td', {}, r.outerCartons === null ? '—' : `${r.outerCartons} + ${r.looseReels} loose reel(s)`),
      ),
    );
  return [
    rows.length
      ? h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            {},
            h(
              'thead',
              {},
              h('tr', {}, ...['part number', 'tape', 'pcs/reel', 'reels', 'pieces', 'leftover', 'outer cartons'].map((t) => h('th', { scope: 'col' }, t))),
            ),
            h('tbody', {}, ...rows),
          ),
        )
      : null,
    h(
      'p',
      {},
      h('strong', {}, `Order ${plan.orderPieces.toLocaleString('en-US')} pieces.`),
      plan.minimumLot ? ` Minimum lot ${plan.minimumLot.value} (${plan.minimumLot.source}).` : '',
    ),
    plan.suggestion ? h('p', { class: 'hint' }, plan.suggestion) : null,
    ...plan.notes.map((n) => h('p', { class: 'note' }, n)),
    plan.reels ? h('p', { class: 'source' }, `Reel: ${plan.reels.piecesPerReel.source}.`) : null,
  ];
}

/**
 * The drawing inline (its pads carry `data-pin`), in a box of its own that scrolls, with zoom: on a
 * phone it opens at a readable scale around the top view instead of an A4 sheet shrunk to the width.
 */
function drawingFigure(pn: string) {
  const url = `/api/parts/${encodeURIComponent(pn)}/drawing.svg`;
  const box = h(
    'div',
    { class: 'drawing-box', tabindex: 0, role: 'region', 'aria-label': `Drawing of ${pn} (scrolls; zoom with the buttons)` },
    h('p', { class: 'status' }, 'Loading the drawing…'),
  );
  let zoom = 1;
  const zoomLabel = h('span', { class: 'zoom-level' }, '100 %');
  const apply = () => {
    const svg = box.querySelector('svg');
    if (svg) svg.style.width = `${zoom * 100}%`;
    zoomLabel.textContent = `${Math.round(zoom * 100)} %`;
  };
  const setZoom = (z: number) => {
    zoom = Math.min(6, Math.max(1, z));
    apply();
  };
  void (async () => {
    try {
      const res = await fetch(url);
      const text = await res.text();
      const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
      const svg = parsed.documentElement;
      if (!res.ok || svg.nodeName !== 'svg') throw new Error(`HTTP ${res.status}`);
      for (const el of svg.querySelectorAll('script, foreignObject')) el.remove();
      svg.removeAttribute('width');
      svg.removeAttribute('height');
      svg.setAttribute('class', 'drawing');
      svg.setAttribute('role', 'img');
      svg.setAttribute('aria-label', `Dimensioned drawing of ${pn}: land pattern, body outline, pin 1, A/B/C dimensions`);
      replace(box, document.importNode(svg, true));
      apply();
      const view = box.querySelector('#top-view');
      if (box.clientWidth < 600 && view) {
        // A phone: zoomed so that the top view (pads, pin 1, A/B/C) fills the width, scrolled to it.
        setZoom((0.92 * box.clientWidth) / Math.max(1, view.getBoundingClientRect().width));
        const r = view.getBoundingClientRect();
        const b = box.getBoundingClientRect();
        box.scrollLeft += r.left + r.width / 2 - (b.left + b.width / 2);
        box.scrollTop += r.top - b.top - 50;
      }
    } catch (err) {
      replace(box, h('p', { class: 'error' }, `The drawing could not be loaded: ${(err as Error).message}`));
    }
  })();
  return h(
    'figure',
    {},
    h(
      'div',
      { class: 'toolbar' },
      h('button', { type: 'button', class: 'secondary', 'aria-label': 'Zoom out', onclick: () => setZoom(zoom / 1.5) }, '−'),
      zoomLabel,
      h('button', { type: 'button', class: 'secondary', 'aria-label': 'Zoom in', onclick: () => setZoom(zoom * 1.5) }, '+'),
      h('button', { type: 'button', class: 'secondary', onclick: () => setZoom(1) }, 'Fit width'),
      h('a', { href: url, target: '_blank', rel: 'noopener' }, 'Open the SVG'),
    ),
    box,
    h(
      'figcaption',
      {},
      'Top view (component side) with A, B, C and the land pattern; colours say where each number comes from. Not the manufacturer’s drawing.',
    ),
  );
}

/** The 3D view loads (with its renderer) only when asked for. */
function view3dLauncher(pn: string, partners: readonly string[]) {
  const host = h('div', { class: 'view3d-host' });
  const open = h('button', { type: 'button', id: 'open-3d' }, 'Open the 3D view');
  open.addEventListener('click', async () => {
    open.disabled = true;
    replace(host, h('p', { class: 'status' }, 'Loading the 3D view…'));
    const { view3d } = await import('./view3d.js');
    replace(host, view3d(pn, partners));
    open.remove();
  });
  return [
    h('p', { class: 'hint' }, 'The part, and the mated pair, from the same model as the STEP and VRML files: drag to rotate, wheel or buttons to zoom.'),
    open,
    host,
  ];
}

/** Everything decode and explain say, with sources; drawing, partners, specs, order, files, pin map. */
export function renderPart(root: HTMLElement, input: string, _navigate: Navigate, series: Series = builtInSeries): void {
  const d = describePart(input, series);
  const back = h('p', { class: 'crumbs' }, h('a', { href: '/', 'data-nav': true }, '← All parts'));
  if (d.status === 'invalid' || !d.partNumber) {
    replace(
      root,
      back,
      h('h1', {}, `“${input}” is not an ${series.name} part number`),
      ...d.errors.map((e) => h('p', { class: 'error', role: 'alert' }, `${e.code}: ${e.message}`)),
      d.suggestions.length ? h('p', {}, 'Did you mean ', ...d.suggestions.flatMap((s, i) => [i ? ', ' : '', partLink(s)]), '?') : null,
    );
    document.title = `${input}: not an ${series.name} part number`;
    return;
  }
  const pn = d.partNumber;
  document.title = `${pn} — ${series.name} ${d.role} ${d.pins} pins`;
  const explain = explainPart(pn, series);
  const mates = matesOf(pn, series);
  const summary = `${d.pins}-pin ${d.role}${d.inspection ? ` for inspection (${d.matingCycles?.toLocaleString('en-US')} mating cycles)` : ''}${d.matedHeightsMm?.length ? `, mated height ${d.matedHeightsMm.map((x) => `${x.toFixed(1)} mm`).join(' or ')}` : ''}`;

  replace(
    root,
    back,
    h('h1', {}, pn, ' ', h('span', { class: `badge ${d.status}` }, d.status)),
    h('p', { class: 'lead' }, summary, '.'),
    ...d.errors.map((e) => h('p', { class: 'warning' }, `${e.code}: ${e.message}`)),
    d.suggestions.length ? h('p', {}, 'Standard alternatives: ', ...d.suggestions.flatMap((s, i) => [i ? ', ' : '', partLink(s)])) : null,
    h(
      'nav',
      { class: 'toc', 'aria-label': 'On this page' },
      ...[
        ['downloads', 'Files'],
        ['drawing', 'Drawing'],
        ['view3d', '3D view'],
        ['mates', 'Mating partners'],
        ['decode', 'Decode'],
        ['specs', 'Specifications'],
        ['order', 'Packaging & order'],
        ['pinmap', 'Pin-map check'],
      ].map(([id, t]) => h('a', { href: `#${id}` }, t)),
    ),
    downloads(pn),
    section('drawing', 'Drawing', drawingFigure(pn)),
    section(
      'view3d',
      '3D view',
      view3dLauncher(
        pn,
        mates.partners.map((m) => m.partNumber),
      ),
    ),
    section(
      'mates',
      'Mating partners',
      mates.partners.length
        ? h(
            'ul',
            {},
            ...mates.partners.map((m) =>
              h(
                'li',
                {},
                partLink(m.partNumber),
                ` — ${m.matedHeightMm === null ? 'height not stated' : `${m.matedHeightMm.toFixed(1)} mm mated height`}${m.inspection ? ', inspection part' : ''} `,
                h('small', {}, `(${m.basis}: ${m.source})`),
              ),
            ),
          )
        : h('p', {}, 'No standard partner at this pin count.'),
    ),
    section(
      'decode',
      'Decode, with sources',
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { class: 'explain' },
          h('thead', {}, h('tr', {}, ...['field', 'value', 'provenance', 'source'].map((t) => h('th', { scope: 'col' }, t)))),
          h(
            'tbody',
            {},
            ...explain.fields.map((f) =>
              h(
                'tr',
                {},
                h('th', { scope: 'row' }, f.field),
                h('td', {}, fmt(f.value)),
                h('td', {}, h('span', { class: `prov ${f.provenance}` }, f.provenance)),
                h('td', { class: 'source' }, f.source),
              ),
            ),
          ),
        ),
      ),
    ),
    section(
      'specs',
      'Specifications (catalog)',
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          {},
          h('thead', {}, h('tr', {}, ...['item', 'value', 'conditions', 'source'].map((t) => h('th', { scope: 'col' }, t)))),
          h(
            'tbody',
            {},
            ...series.catalog.characteristics.map((c) =>
              h('tr', {}, h('th', { scope: 'row' }, c.item), h('td', {}, c.text), h('td', {}, c.conditions ?? '—'), h('td', { class: 'source' }, c.source)),
            ),
          ),
        ),
      ),
    ),
    section(
      'order',
      'Packaging and order',
      d.packaging
        ? h(
            'p',
            {},
            `${d.packaging.tapePitchMm} mm pitch embossed tape, ${d.packaging.piecesPerReel?.toLocaleString('en-US') ?? '—'} pieces per reel${d.packaging.piecesPerOuterCarton ? `, ${d.packaging.piecesPerOuterCarton.toLocaleString('en-US')} per outer carton` : ''}; tape type ${d.packaging.tapeType ?? '—'}, tape width ${d.packaging.tapeWidthMm ?? '—'} mm (inferred).`,
          )
        : h('p', {}, 'The catalog does not state the packaging of inspection parts.'),
      orderCalculator(pn, series),
    ),
    section('pinmap', 'Pin-map check', pinMapEditor(pn, d.pins ?? 0)),
    footprintVerifier(pn),
  );
}
