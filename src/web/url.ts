import { PART_FILTER_NAMES, partQueryFromFilters, type PartFilterInput, type PartQuery } from '../select/index.js';

/**
 * The page's state lives in the URL, so every view is a link: `?role=socket&min-signals=30`
 * (the CLI's filter names), `&q=` (part-number text), `&sort=pins` / `-pins`, `?pn=AXE540127`
 * for a part page, `?view=bom` for the BOM check, `?view=pinmap&pn=AXE540127` for the pin-map
 * editor on its own page (the two-board check with netlists).
 */
export interface PageState {
  readonly view: 'selector' | 'part' | 'bom' | 'pinmap';
  readonly filters: PartFilterInput;
  readonly q: string;
  readonly sort: string;
  readonly pn: string;
}

export function readState(search: string): PageState {
  const params = new URLSearchParams(search);
  const filters: PartFilterInput = {};
  for (const name of PART_FILTER_NAMES) {
    const value = params.get(name);
    if (value !== null) (filters as Record<string, string>)[name] = value;
  }
  const pn = params.get('pn') ?? '';
  const named = params.get('view');
  const view = named === 'bom' ? 'bom' : named === 'pinmap' ? 'pinmap' : pn ? 'part' : 'selector';
  return { view, filters, q: params.get('q') ?? '', sort: params.get('sort') ?? '', pn };
}

export function writeState(state: PageState): string {
  const params = new URLSearchParams();
  if (state.view === 'part') params.set('pn', state.pn);
  else if (state.view === 'bom') params.set('view', 'bom');
  else if (state.view === 'pinmap') {
    params.set('view', 'pinmap');
    if (state.pn) params.set('pn', state.pn);
  } else {
    for (const name of PART_FILTER_NAMES) {
      const value = state.filters[name];
      if (value !== undefined && value !== '' && value !== false) params.set(name, value === true ? 'true' : value);
    }
    if (state.q) params.set('q', state.q);
    if (state.sort) params.set('sort', state.sort);
  }
  const text = params.toString();
  return text ? `?${text}` : location.pathname;
}

/** The query the filters mean, or the message of the first bad filter (shown, not thrown). */
export function queryOf(filters: PartFilterInput): { query: PartQuery; error: string | null } {
  const parsed = partQueryFromFilters(filters);
  return parsed.ok ? { query: parsed.value, error: null } : { query: {}, error: parsed.error.message };
}
