import type { LandPattern } from '../geometry/index.js';
import { landPatternModel } from '../model3d/index.js';
import type { Result } from '../result.js';

/**
 * Where the library builder gets 3D models from: src/model3d (STEP + VRML of a part number, in
 * the footprint's frame: mm, origin at the footprint origin). Behind this interface so that the
 * library can be built without models (`models: null`) and the builder does not know how models
 * are made.
 */
export interface ModelFile {
  readonly fileName: string;
  readonly content: string | Uint8Array;
}

/** One part's model: its shape is computed once, then each file is written from it on demand. */
export interface ModelFiles {
  step(): ModelFile;
  vrml(): ModelFile;
}

export interface ModelSource {
  /** The model of a footprint's land pattern (its body, contacts and terminals where its pads are); fails when overrides leave no drawable shape. */
  modelFiles(lp: LandPattern): Result<ModelFiles>;
}

export const defaultModelSource: ModelSource | null = { modelFiles: landPatternModel };
