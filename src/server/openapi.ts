import { z } from 'zod';
import { isRawJsonSchema, type ResponseSpec, type RouteSpec, type SchemaLike } from './route.js';

export interface OpenApiInfo {
  readonly title: string;
  readonly version: string;
  readonly description: string;
}

type Json = Record<string, unknown>;

/**
 * OpenAPI 3.1 from the route table: the zod schemas the handlers validate with are converted
 * with zod's own JSON Schema generator (draft 2020-12, the dialect of OpenAPI 3.1). Named schemas
 * (`.meta({ id })`) become components.
 */
export function buildOpenApi(routes: readonly RouteSpec[], info: OpenApiInfo): Json {
  const components: Record<string, Json> = {};
  const paths: Record<string, Record<string, Json>> = {};
  const convert = (schema: SchemaLike, io: 'input' | 'output'): Json => {
    if (isRawJsonSchema(schema)) return liftDefs(structuredClone(schema.jsonSchema), components);
    return liftDefs(z.toJSONSchema(schema, { io, unrepresentable: 'any', reused: 'inline' }) as Json, components);
  };
  const media = (schema: SchemaLike | 'binary' | 'text', io: 'input' | 'output'): Json =>
    schema === 'binary'
      ? { schema: { type: 'string', contentMediaType: 'application/octet-stream' } }
      : schema === 'text'
        ? { schema: { type: 'string' } }
        : { schema: convert(schema, io) };

  for (const route of routes) {
    const parameters: Json[] = [];
    if (route.params) parameters.push(...objectParameters(convert(route.params, 'input'), 'path'));
    if (route.query) parameters.push(...objectParameters(convert(route.query, 'input'), 'query'));
    const operation: Json = {
      operationId: route.operationId,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: [...route.tags],
      ...(parameters.length ? { parameters } : {}),
      responses: Object.fromEntries(Object.entries(route.responses).map(([status, r]) => [status, response(r, media)])),
    };
    if (route.body) {
      operation.requestBody = {
        required: true,
        description: `${route.body.description} Limit: ${route.body.maxBytes} bytes.`,
        content: Object.fromEntries(Object.entries(route.body.content).map(([type, schema]) => [type, media(schema, 'input')])),
      };
    }
    (paths[route.path] ??= {})[route.method] = operation;
  }
  return {
    openapi: '3.1.0',
    info,
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: { schemas: components },
  };
}

function response(r: ResponseSpec, media: (s: SchemaLike | 'binary' | 'text', io: 'input' | 'output') => Json): Json {
  return {
    description: r.description,
    ...(r.headers ? { headers: Object.fromEntries(Object.entries(r.headers).map(([h, d]) => [h, { description: d, schema: { type: 'string' } }])) } : {}),
    ...(r.content ? { content: Object.fromEntries(Object.entries(r.content).map(([type, schema]) => [type, media(schema, 'output')])) } : {}),
  };
}

/** A JSON Schema of an object → one OpenAPI parameter per property. */
function objectParameters(schema: Json, where: 'path' | 'query'): Json[] {
  const properties = (schema.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).map(([name, s]) => {
    const { description, ...rest } = s;
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

/**
 * zod puts named subschemas under `$defs` with `#/$defs/X` references; inside an OpenAPI document
 * those would resolve against the document root, so they move to components/schemas.
 */
function liftDefs(schema: Json, components: Record<string, Json>): Json {
  const defs = (schema.$defs ?? {}) as Record<string, Json>;
  delete schema.$defs;
  delete schema.$schema;
  for (const [name, def] of Object.entries(defs)) components[name] ??= rewriteRefs(def) as Json;
  const id = typeof schema.id === 'string' ? schema.id : null;
  const out = rewriteRefs(schema) as Json;
  if (id) {
    // A top-level named schema: store it as a component and refer to it.
    delete out.id;
    components[id] ??= out;
    return { $ref: `#/components/schemas/${id}` };
  }
  return out;
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value && typeof value === 'object') {
    const out: Json = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = k === '$ref' && typeof v === 'string' ? v.replace(/^#\/\$defs\//, '#/components/schemas/') : rewriteRefs(v);
    }
    return out;
  }
  return value;
}
