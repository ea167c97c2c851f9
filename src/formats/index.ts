export { circuitJsonPart, circuitJsonOfLandPattern, type CircuitJsonPart, type CircuitJsonElement, type CircuitJsonPoint } from './circuit-json.js';
export { eagleLibrary, eagleName, eaglePadNames, EAGLE_VERSION, EAGLE_LIBRARY_NAME, eagleLibraryName } from './eagle.js';
export {
  easyedaFootprint,
  easyedaFootprintDescription,
  easyedaLibrary,
  easyedaLibraryFiles,
  easyedaSymbol,
  EASYEDA_SYMBOL_VERSION,
  easyedaUuid,
  EASYEDA_FOOTPRINT_VERSION,
  EASYEDA_LAYERS,
  EASYEDA_LIBRARY_FILE,
  easyedaLibraryFile,
  type EasyedaLibraryFile,
} from './easyeda.js';
