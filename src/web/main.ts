import { readState, writeState, type PageState } from './url.js';
import { renderSelector } from './views/selector.js';
import { renderPart } from './views/part.js';
import { renderBom } from './views/bom.js';

/**
 * The page: a selector over every part, a page per part (with the pin-map editor), a BOM check.
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
    render(false);
    return;
  }
  history.pushState(null, '', url);
  render(true);
}

function render(focus: boolean): void {
  const state = readState(location.search);
  (main as Redrawable).redraw = undefined;
  main.dataset.view = '';
  if (state.view === 'part') renderPart(main, state.pn, navigate);
  else if (state.view === 'bom') renderBom(main);
  else renderSelector(main, state, navigate);
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
  render(true);
});
window.addEventListener('popstate', () => render(false));
render(false);
