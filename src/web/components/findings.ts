import { SEVERITY_RANK, type Severity } from '../../checks/types.js';
import { h, type Child } from '../dom.js';

/** What every check's finding has: the list sorts and marks by these. */
interface Ranked {
  readonly severity: Severity;
  readonly code: string;
}

/**
 * The findings of a check (pin map, BOM, footprint), worst first: one `li.finding.<severity>` per
 * finding with its code in `data-code` (what the end-to-end tests look for); `content` fills the item.
 */
export function findingList<F extends Ranked>(findings: readonly F[], content: (finding: F) => Child[]): HTMLUListElement {
  const sorted = [...findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  return h('ul', { class: 'findings' }, ...sorted.map((f) => h('li', { class: `finding ${f.severity}`, 'data-code': f.code }, ...content(f))));
}

/** A finding of a catalog rule (pin map, BOM): `ERROR CODE (where): message`, then its fix and the rule. */
export function ruleFinding(f: Ranked & { readonly message: string; readonly fix: string; readonly source: string }, where: string): Child[] {
  return [
    h('strong', {}, `${f.severity.toUpperCase()} ${f.code}`),
    where ? ` (${where})` : '',
    ': ',
    f.message,
    h('div', { class: 'fix' }, 'Fix: ', f.fix),
    h('div', { class: 'source' }, 'Rule: ', f.source),
  ];
}
