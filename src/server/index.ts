export { createApp, VERSION, DEFAULT_REQUEST_TIMEOUT_MS, type A4sApp, type AppOptions } from './app.js';
export { startServer, type RunningServer, type ServeOptions } from './serve.js';
export { bufferedSink, jsonLogger, memoryLogger, silentLogger, type Logger, type RequestLogLine } from './log.js';
export { buildOpenApi } from './openapi.js';
export { parseEnv, type ServerEnv } from './env.js';
export { SERVER_CODES, API_ERROR_CODES, type ApiErrorCode } from './codes.js';
