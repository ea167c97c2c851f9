/** 3D models of a part (src/model3d): the index only re-exports. */
export { connectorModel, tryConnectorModel, MODEL_ASSUMPTIONS, COLOURS, type ConnectorModel } from './connector.js';
export { writeStep, stepString, stepReal, STEP_TIMESTAMP } from './step.js';
export { writeVrml, VRML_UNIT_MM } from './vrml.js';
export type { Solid, Face, Box3, Vec3 } from './solid.js';
export { MODEL3D_CODES } from './codes.js';
export {
  modelFileName,
  partModel,
  modelWriter,
  landPatternModel,
  stepModel,
  vrmlModel,
  standardModels,
  allModels,
  matedPairModel,
  matedPairStep,
  type ModelFormat,
  type ModelFile,
  type ModelOptions,
  type ModelWriter,
} from './models.js';
