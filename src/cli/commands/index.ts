import type { RegisterCommand } from '../context.js';
import { registerBom } from './bom.js';
import { registerCheck } from './check.js';
import { registerOrder } from './order.js';
import { registerDecode } from './decode.js';
import { registerDims } from './dims.js';
import { registerExplain } from './explain.js';
import { registerFootprint } from './footprint.js';
import { registerKicadLib } from './kicad-lib.js';
import { registerKicadPcm } from './kicad-pcm.js';
import { registerMate } from './mate.js';
import { registerModel } from './model.js';
import { registerDrawing } from './drawing.js';
import { registerParts } from './parts.js';
import { registerSpec } from './spec.js';
import { registerSymbol } from './symbol.js';
import { registerVerifyFootprint } from './verify-footprint.js';
import { registerCircuitJson } from './circuit-json.js';
import { registerEagleLib } from './eagle-lib.js';
import { registerEasyedaLib } from './easyeda-lib.js';

/**
 * Every CLI command, in help order, imported statically: for the README table and the tests
 * (buildProgram in ../full.ts). `a4s` itself loads commands through ./lazy.ts, which must list the
 * same commands (test/cli-lazy.test.ts). A new command adds one file, one line here and one in lazy.ts.
 */
export const commands: readonly RegisterCommand[] = [
  registerDecode,
  registerParts,
  registerMate,
  registerDims,
  registerSpec,
  registerExplain,
  registerFootprint,
  registerSymbol,
  registerModel,
  registerDrawing,
  registerKicadLib,
  registerKicadPcm,
  registerVerifyFootprint,
  registerCircuitJson,
  registerEagleLib,
  registerEasyedaLib,
  registerCheck,
  registerBom,
  registerOrder,
];
