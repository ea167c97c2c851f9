import type { Catalog } from '../../catalog/index.js';
import type { RegisterCommand } from '../context.js';
import { CliUsageError, json, table, write } from '../io.js';

/** The sections `spec` shows whole (the command table's description names them: test/cli-lazy.test.ts). */
export const SECTIONS = ['characteristics', 'materials', 'tape', 'inspection', 'rules', 'missing'] as const;

function findItem(item: string, catalog: Catalog) {
  const q = item.toLowerCase();
  const characteristics = catalog.characteristics.filter((c) => c.id === q || c.item.toLowerCase().includes(q));
  const rules = catalog.rules.filter((r) => r.id === q || r.topic === q || r.text.toLowerCase().includes(q));
  return { characteristics, rules };
}

export const registerSpec: RegisterCommand = (command, ctx) => {
  command.option('--json', 'print JSON').action(async (item: string | undefined, options: { json?: boolean }) => {
    const out = (value: unknown, text: string) => write(ctx.io.stdout, options.json ? json(value) : text);
    const catalog = ctx.series.catalog;
    if (!item || item === 'characteristics') {
      return out(
        catalog.characteristics,
        table(
          ['id', 'item', 'specification', 'conditions', 'source'],
          catalog.characteristics.map((c) => [c.id, c.item, c.text, c.conditions ?? '', c.source]),
        ),
      );
    }
    if (item === 'materials')
      return out(
        catalog.materials,
        table(
          ['part', 'material', 'surface treatment'],
          catalog.materials.map((m) => [m.part, m.material, m.surfaceTreatment ?? '—']),
        ),
      );
    if (item === 'tape') {
      const rows = catalog.tape.tables.flatMap((t) => t.rows.map((r) => [t.packaging, r.pinsLabel, `Tape ${r.tapeType}`, r.A, r.B, r.C, r.D, r.piecesPerReel]));
      return out(
        catalog.tape,
        table(['packaging', 'pins', 'taping', 'A', 'B', 'C', 'D', 'pcs/reel'], rows) +
          `Taping: ${catalog.tape.tapingStandard}; reel: ${catalog.tape.reelStandard}. A read as the tape width (inferred).\n`,
      );
    }
    if (item === 'inspection') {
      const i = catalog.inspection;
      const rows: [string, unknown][] = [
        ['socket part number', i.socketPattern],
        ['header part number', i.headerPattern],
        ['pins available', i.pinsAvailable.join(', ')],
        ['mating cycles', i.matingCycles],
        ['minimum order per lot (pcs)', i.minimumOrderPiecesPerLot],
        ['for production use', i.productionUse ? 'yes' : 'no (inspection only)'],
        ['packaging stated', i.packagingStated ? 'yes' : 'no'],
        ['mated height stated', i.matedHeightStated ? 'yes' : 'no'],
      ];
      return out(i, table(['inspection parts', 'value'], rows) + `Source: ${i.source}\n`);
    }
    if (item === 'rules')
      return out(
        catalog.rules,
        table(
          ['id', 'topic', 'rule'],
          catalog.rules.map((r) => [r.id, r.topic, r.text]),
        ),
      );
    if (item === 'missing')
      return out(
        catalog.missingFromText,
        table(
          ['missing from the catalog text', 'consequence'],
          catalog.missingFromText.map((m) => [m.what, m.consequence]),
        ),
      );
    const found = findItem(item, catalog);
    if (found.characteristics.length === 0 && found.rules.length === 0) {
      throw new CliUsageError(
        'UNKNOWN_SPEC_ITEM',
        `Nothing in the catalog matches "${item}". Try one of: ${catalog.characteristics.map((c) => c.id).join(', ')}, or a section: ${SECTIONS.join(', ')}.`,
      );
    }
    let text = '';
    for (const c of found.characteristics) {
      text += `${c.item} (${c.id}): ${c.text}\n`;
      if (c.conditions) text += `  Conditions: ${c.conditions}\n`;
      text += table(
        ['value', 'number', 'unit', 'limit'],
        c.values.map((v) => [v.name, v.value, v.unit, v.limit ?? '']),
      ).replace(/^/gm, '  ');
      text += `  Source: ${c.source}\n`;
    }
    for (const r of found.rules) text += `[${r.topic}] ${r.id}: ${r.text}\n  Source: ${r.source}\n`;
    return out(found, text);
  });
};
