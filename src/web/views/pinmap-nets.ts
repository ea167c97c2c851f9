import { netFigures } from '../../checks/render/figures.js';
import type { CheckReport, NetKind, NetSummary } from '../../checks/types.js';
import { h, replace } from '../dom.js';
import { netNames, netOf, setNetField, type PinMapDoc } from '../pinmap-model.js';

interface NetRow {
  readonly row: HTMLTableRowElement;
  readonly computed: HTMLElement[];
  readonly kind: HTMLSelectElement;
  readonly current: HTMLInputElement;
  readonly voltage: HTMLInputElement;
}

/**
 * The pin-map editor's nets: one row per net, typed once (a rail's total current, voltage and kind),
 * with the check's numbers (pins, per contact, pins needed, IR drop). The rows are drawn again only
 * when the list of net names changes, so typing into a row keeps its focus.
 */
export function netsTable(host: HTMLElement, currentDoc: () => PinMapDoc, onEdit: () => void): { render(report: CheckReport | null): void } {
  let netRows = new Map<string, NetRow>();
  let netKey = '\u0001'; // matches no list of names: the first call draws

  function render(report: CheckReport | null) {
    const names = netNames(currentDoc());
    const summaries = new Map<string, NetSummary>((report?.summary.nets ?? []).map((n) => [n.net, n]));
    if (names.join('\u0000') !== netKey) {
      netKey = names.join('\u0000');
      netRows = new Map();
      if (names.length === 0) {
        replace(host, h('p', { class: 'hint' }, 'Nets appear here once pins name them; give each net its total current, voltage and kind once.'));
        return;
      }
      const rows = names.map((name) => netRow(name));
      replace(
        host,
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
      const f = n ? netFigures(n) : null;
      const values = f ? [f.pins, f.perContact, f.pinsNeeded, f.irDrop] : ['—', '—', '—', '—'];
      r.computed.forEach((cell, i) => (cell.textContent = values[i]!));
      const auto = r.kind.options[0]!;
      auto.textContent = n && n.kindSource !== 'stated' ? `auto: ${n.kind}` : 'auto';
      // What the check uses when the net states nothing (from its pins' own values), as a hint.
      r.current.placeholder = n?.currentA !== null && n?.currentA !== undefined ? String(n.currentA) : '';
      r.voltage.placeholder = n?.voltageV !== null && n?.voltageV !== undefined ? String(n.voltageV) : '';
    }
  }

  function netRow(name: string): HTMLTableRowElement {
    const spec = netOf(currentDoc(), name);
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
        setNetField(currentDoc(), name, field, v !== undefined && Number.isFinite(v) ? v : undefined);
        onEdit();
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
      setNetField(currentDoc(), name, 'kind', kind.value === '' ? undefined : (kind.value as NetKind));
      onEdit();
    });
    const computed = [0, 1, 2, 3].map(() => h('td', { class: 'num' }));
    const current = number('currentA', 'total current (A)');
    const voltage = number('voltageV', 'voltage (V)');
    const row = h('tr', { 'data-net': name }, h('th', { scope: 'row' }, name), h('td', {}, current), h('td', {}, voltage), h('td', {}, kind), ...computed);
    netRows.set(name, { row, computed, kind, current, voltage });
    return row;
  }

  return { render };
}
