import { builtInSeries } from '../catalog/index.js';
import { h } from './dom.js';
import { readState, writeState, type PageState } from './url.js';
import { renderSelector } from './views/selector.js';

/**
 * The page: a selector over every part, a page per part (with the pin-map editor), the pin-map
 * editor on its own page (with the two-board check of netlists), a BOM check.
 * No framework: the views build DOM with `h()` and re-render on state change; the state is the
 * URL (deep links, back button). The catalog and the checks run here, in the browser, from the
 * same core the CLI and the server use; the server is only asked for files and the BOM upload.
 */
const main = document.getElementById('main')!;

type Redrawable = HTMLElement & { redraw?: (s: PageState) => void };

/**
 * replace: the same view with new filters (typing): the URL is replaced and the view redraws in
 * place, so the input keeps its focus. Otherwise a new history entry and a full render.
 */
export function navigate(state: PageState, replace = false): void {
  const url = writeState(state);
  if (replace) {
    history.replaceState(null, '', url);
    const redraw = (main as Redrawable).redraw;
    if (redraw && main.dataset.view === state.view) return redraw(state);
    void render(false);
    return;
  }
  history.pushState(null, '', url);
  void render(true);
}

// The part page (with the pin-map check and its YAML reader) and the BOM page load on demand,
// so that the selector, the first view, ships the least JavaScript.
let renders = 0;
async function render(focus: boolean): Promise<void> {
  const state = readState(location.search);
  const ticket = ++renders;
  (main as Redrawable).redraw = undefined;
  main.dataset.view = '';
  if (state.view === 'part') {
    const { renderPart } = await import('./views/part.js');
    if (ticket !== renders) return; // a later navigation won
    renderPart(main, state.pn, navigate);
  } else if (state.view === 'pinmap') {
    const { renderPinMapPage } = await import('./views/pinmap-page.js');
    if (ticket !== renders) return;
    renderPinMapPage(main, state.pn);
  } else if (state.view === 'bom') {
    const { renderBom } = await import('./views/bom.js');
    if (ticket !== renders) return;
    renderBom(main);
  } else renderSelector(main, state, navigate);
  main.dataset.ready = state.view;
  if (focus) main.focus({ preventScroll: false });
}

// Same-origin links marked data-nav (and part links) change the view without a reload.
document.addEventListener('click', (event) => {
  const a = (event.target as Element).closest('a');
  if (!a || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  if (!a.hasAttribute('data-nav')) return;
  const url = new URL(a.href);
  if (url.origin !== location.origin) return;
  event.preventDefault();
  history.pushState(null, '', url.pathname + url.search);
  void render(true);
});
window.addEventListener('popstate', () => void render(false));
void render(false);

/**
 * The page computes with the built-in catalog (bundled at build time). A server started with
 * A4S_CATALOG answers its API for another edition: say so on every view rather than show the
 * built-in parts as if they were the server's. No answer (a static host, an older server): nothing.
 */
void fetch('/api/edition', { headers: { accept: 'application/json' } })
  .then((r) => (r.ok ? (r.json() as Promise<{ builtIn?: boolean; series?: string; title?: string }>) : null))
  .then((edition) => {
    if (edition?.builtIn !== false) return;
    const notice = h(
      'p',
      { class: 'edition-notice', role: 'status' },
      `This server's API answers for the catalog edition ${edition.series ?? '?'} (${edition.title ?? 'A4S_CATALOG'}); this page computes with the built-in ${builtInSeries.name} catalog. For ${edition.series ?? 'that edition'}, use the API or the CLI with --catalog.`,
    );
    main.before(notice);
  })
  .catch(() => undefined);
