import { OPTIONS, parseOption, type OptionName } from '../options.js';
import type { Result } from '../result.js';

/**
 * The page's inputs of the options the CLI and the API share (boards to build, pieces needed): the
 * text as typed, parsed by the same `parseOption` with the same message, named by the input's label.
 * Kept out of the DOM so that the cross-face test (test/options-cross-face.test.ts) runs it.
 */
export function pageOption(name: OptionName, text: string): Result<number> {
  const spec = OPTIONS[name];
  const parsed = parseOption(spec, spec.page, text);
  return parsed.ok ? { ok: true, value: parsed.value! } : parsed;
}
