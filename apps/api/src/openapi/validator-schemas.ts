import type { Type } from '@nestjs/common';
import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  RequestBodyObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { targetConstructorToSchema, validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { openApiPath, Route } from './routes';

// class-transformer ships no types beside its CommonJS build; its storage knows the @Type of nested DTOs.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as typeof import('class-transformer/types/storage');

const OPTIONS = { refPointerPrefix: '#/components/schemas/', classTransformerMetadataStorage: defaultMetadataStorage };

/**
 * The validation rules are the truth about what a body or query accepts: the DTOs' class-validator
 * decorators refuse everything else. Swagger only sees fields decorated with @ApiProperty, so a
 * field someone forgot to decorate would silently vanish from the document; this fills in every
 * validated field swagger did not describe (type, enum, length, pattern, required), and leaves
 * what @ApiProperty said alone.
 */
export function addValidatedFields(document: OpenAPIObject, routes: Route[]): void {
  const schemas = ((document.components ??= {}).schemas ??= {});
  const allValidated = validationMetadatasToSchemas(OPTIONS) as Record<string, SchemaObject>;
  for (const route of routes) {
    const operation = document.paths[openApiPath(route.path)]?.[route.method.toLowerCase() as 'get'] as OperationObject | undefined;
    if (!operation) continue;
    if (route.query) addQueryParameters(operation, validatedSchema(route.query));
    if (route.body) {
      const name = refName((operation.requestBody as RequestBodyObject | undefined)?.content?.['application/json']?.schema);
      if (name && schemas[name]) mergeProperties(schemas[name] as SchemaObject, validatedSchema(route.body));
    }
  }
  // Nested DTOs (ValidateNested + @Type) are referenced by name: make sure each reference resolves.
  let missing = [...referencedNames(schemas)].filter((name) => !schemas[name] && allValidated[name]);
  while (missing.length > 0) {
    for (const name of missing) schemas[name] = allValidated[name];
    missing = [...referencedNames(schemas)].filter((name) => !schemas[name] && allValidated[name]);
  }
}

function validatedSchema(dto: Type<unknown>): SchemaObject {
  return dto === Object ? {} : (targetConstructorToSchema(dto, OPTIONS) as SchemaObject);
}

function addQueryParameters(operation: OperationObject, validated: SchemaObject): void {
  const parameters = (operation.parameters ??= []) as ParameterObject[];
  const documented = new Set(parameters.filter((p) => p.in === 'query').map((p) => p.name));
  for (const [name, schema] of Object.entries(validated.properties ?? {})) {
    if (documented.has(name)) continue;
    const { description, ...rest } = schema as SchemaObject;
    parameters.push({
      name,
      in: 'query',
      required: validated.required?.includes(name) ?? false,
      schema: rest,
      ...(description ? { description } : {}),
    });
  }
}

function mergeProperties(target: SchemaObject, validated: SchemaObject): void {
  const properties = (target.properties ??= {});
  for (const [name, schema] of Object.entries(validated.properties ?? {})) {
    if (properties[name]) continue;
    properties[name] = schema;
    if (validated.required?.includes(name)) target.required = [...new Set([...(target.required ?? []), name])];
  }
}

function refName(schema: SchemaObject | ReferenceObject | undefined): string | null {
  return schema && '$ref' in schema ? schema.$ref.replace(OPTIONS.refPointerPrefix, '') : null;
}

function referencedNames(value: unknown, names = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => referencedNames(item, names));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string' && item.startsWith(OPTIONS.refPointerPrefix))
        names.add(item.slice(OPTIONS.refPointerPrefix.length));
      else referencedNames(item, names);
    }
  }
  return names;
}
