import { matesOf } from '../../select/index.js';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { h, replace, type Child } from '../dom.js';
import { getField, schemaFields, setField, type FieldSchema, type PinMapDoc } from '../pinmap-model.js';

/**
 * The pin-map document's other fields (mate, conditions, connectors, IR-drop threshold …), one
 * input each as the published schema describes them, so new fields flow in without a change here.
 * `render` draws them from the current document (again after an import); `onEdit` follows every
 * change, `onMessage` says why a value was not taken.
 */
export function documentFields(
  host: HTMLElement,
  pn: string,
  currentDoc: () => PinMapDoc,
  onEdit: () => void,
  onMessage: (text: string) => void,
): { render(): void } {
  function render() {
    const partners = matesOf(pn).partners.map((m) => m.partNumber);
    const top = schemaFields('document').filter(([k]) => !['$schema', 'part', 'pins', 'nets', 'conditions', 'pinCount'].includes(k));
    const conditions = schemaFields('conditions');
    replace(
      host,
      h('div', { class: 'field-grid' }, ...top.map(([k, schema]) => control(['' + k], schema, k === 'mate' ? partners : []))),
      h('h4', {}, 'Operating conditions'),
      h('div', { class: 'field-grid' }, ...conditions.map(([k, schema]) => control(['conditions', k], schema, []))),
      unknownFields(),
    );
  }

  /** Fields of an imported document that this page has no input for: kept and exported as they are. */
  function unknownFields(): Child {
    const known = new Set(schemaFields('document').map(([k]) => k));
    const extra = Object.keys(currentDoc()).filter((k) => !known.has(k));
    return extra.length ? h('p', { class: 'hint' }, `Kept as imported: ${extra.join(', ')}.`) : null;
  }

  function control(path: string[], schema: FieldSchema, suggestions: readonly string[]): HTMLElement {
    const id = `doc-${path.join('-')}`;
    const label = (el: HTMLElement) =>
      h(
        'label',
        { for: id, class: 'field', title: schema.description ?? '' },
        h('span', {}, path.at(-1)!),
        el,
        schema.description ? h('small', {}, schema.description) : null,
      );
    const value = getField(currentDoc(), path);
    const set = (v: unknown) => {
      setField(currentDoc(), path, v);
      onEdit();
    };
    if (schema.enum || schema.type === 'boolean') {
      const options = schema.enum
        ? schema.enum.map((o) => [o, o])
        : [
            ['true', 'yes'],
            ['false', 'no'],
          ];
      const sel = h('select', { id }, h('option', { value: '' }, '—'), ...options.map(([v, t]) => h('option', { value: v! }, t!)));
      sel.value = value === undefined ? '' : String(value);
      sel.addEventListener('change', () => set(sel.value === '' ? undefined : schema.enum ? sel.value : sel.value === 'true'));
      return label(sel);
    }
    if (schema.type === 'number' || schema.type === 'integer') {
      const input = h('input', {
        id,
        type: 'number',
        step: schema.type === 'integer' ? 1 : 'any',
        inputmode: 'decimal',
        value: typeof value === 'number' ? value : '',
      });
      input.addEventListener('input', () => {
        const n = input.value.trim() === '' ? undefined : Number(input.value);
        set(n !== undefined && Number.isFinite(n) ? n : undefined);
      });
      return label(input);
    }
    if (schema.type === 'string') {
      const list = suggestions.length ? h('datalist', { id: `${id}-list` }, ...suggestions.map((v) => h('option', { value: v }))) : null;
      const input = h('input', {
        id,
        type: 'text',
        autocomplete: 'off',
        spellcheck: 'false',
        value: typeof value === 'string' ? value : '',
        ...(list ? { list: `${id}-list` } : {}),
      });
      input.addEventListener('input', () => set(input.value.trim() === '' ? undefined : input.value.trim()));
      return h('div', {}, label(input), list);
    }
    if (schema.type === 'object' && schema.properties && Object.values(schema.properties).every((p) => p.type === 'number' || p.type === 'integer')) {
      return h(
        'fieldset',
        { class: 'field sub', title: schema.description ?? '' },
        h('legend', {}, path.at(-1)!, schema.description ? h('small', {}, ` ${schema.description}`) : null),
        ...Object.entries(schema.properties).map(([k, p]) => control([...path, k], p, [])),
      );
    }
    // Anything else (lists, either-or values): YAML, e.g. `{ ppm: 3, hours: 96 }` or `true`.
    const input = h('input', {
      id,
      type: 'text',
      class: 'yaml',
      autocomplete: 'off',
      spellcheck: 'false',
      placeholder: 'YAML, e.g. { … } or [ … ]',
      value: value === undefined ? '' : stringifyYaml(value, { collectionStyle: 'flow' }).trim(),
    });
    input.addEventListener('change', () => {
      if (input.value.trim() === '') return set(undefined);
      try {
        set(parseYaml(input.value));
        input.removeAttribute('aria-invalid');
      } catch {
        input.setAttribute('aria-invalid', 'true');
        onMessage(`${path.join('.')}: not readable as YAML.`);
      }
    });
    return label(input);
  }

  return { render };
}
