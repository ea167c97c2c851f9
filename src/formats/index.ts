export { circuitJsonPart, circuitJsonOfLandPattern, type CircuitJsonPart, type CircuitJsonElement, type CircuitJsonPoint } from './circuit-json.js';
export { eagleLibrary, eagleName, eaglePadNames, EAGLE_VERSION, EAGLE_LIBRARY_NAME } from './eagle.js';
