import { existsSync, readFileSync } from 'node:fs';

import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Validates emulator responses against the response schemas of Atlassian's OpenAPI description of the Jira
 * Cloud platform REST API v3, read from where the team keeps it (never copied into the repository).
 */
export const SPEC_PATH = process.env['JIRA_OPENAPI_SPEC'] ?? '/work/shared/jira/jira-platform-openapi.v3.json';

export type Json = Record<string, unknown>;

function loadSpec(): Json {
  if (!existsSync(SPEC_PATH)) {
    throw new Error(`The Jira emulator contract test needs Jira's OpenAPI description at ${SPEC_PATH} (or set JIRA_OPENAPI_SPEC to its path).`);
  }
  const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as Json;
  // Jira sends null for absent from/to values in changelog items; the description omits `nullable` there.
  const changeDetails = ((spec['components'] as Json)['schemas'] as Json)['ChangeDetails'] as { properties: Record<string, Json> };
  for (const name of ['from', 'fromString', 'to', 'toString']) {
    const property = changeDetails.properties[name];
    if (property) property['nullable'] = true;
  }
  return spec;
}

function pointer(...segments: string[]): string {
  return segments.map((s) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');
}

export interface OpenApiContract {
  spec: Json;
  /** The schema the description gives for one response; throws when it gives none for a success status. */
  responseValidator(path: string, method: string, status: number): ValidateFunction;
  /** Whether the description documents `status` for the operation at all. */
  documents(path: string, method: string, status: number): boolean;
  componentValidator(name: string): ValidateFunction;
  expectValid(validate: ValidateFunction, data: unknown, what: string): void;
}

export function loadOpenApiContract(): OpenApiContract {
  const spec = loadSpec();
  const ajv = new Ajv({ strict: false, allErrors: true, ownProperties: true });
  addFormats(ajv);
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && Math.abs(n) <= 2 ** 31 });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addSchema(spec, 'jira');
  const responseOf = (path: string, method: string, status: number): Json | undefined => {
    const operation = ((spec['paths'] as Record<string, Record<string, Json>>)[path] ?? {})[method];
    return (operation?.['responses'] as Record<string, Json> | undefined)?.[String(status)];
  };
  return {
    spec,
    documents: (path, method, status) => responseOf(path, method, status) !== undefined,
    responseValidator(path, method, status) {
      const response = responseOf(path, method, status);
      const hasSchema = (response?.['content'] as Record<string, Json> | undefined)?.['application/json']?.['schema'] !== undefined;
      const ref = hasSchema
        ? `jira#/${pointer('paths', path, method, 'responses', String(status), 'content', 'application/json', 'schema')}`
        : 'jira#/components/schemas/ErrorCollection';
      if (!hasSchema && status < 400) throw new Error(`The description has no ${status} schema for ${method.toUpperCase()} ${path}`);
      return ajv.compile({ $ref: ref });
    },
    componentValidator(name) {
      const validate = ajv.getSchema(`jira#/components/schemas/${name}`);
      if (!validate) throw new Error(`No schema ${name} in the description`);
      return validate;
    },
    expectValid(validate, data, what) {
      if (!validate(data)) throw new Error(`${what} does not match the description: ${ajv.errorsText(validate.errors, { separator: '\n' })}`);
    },
  };
}
