import { INestApplication, RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, PARAMTYPES_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { ACCESS_RULE, AccessRule } from '../access/access.decorator';

/** One HTTP route of the Nest router, as its decorators declare it. */
export interface Route {
  /** Upper case: GET, POST, PUT, PATCH, DELETE, … */
  method: string;
  /** Express style, `:param` for parameters: `/resellers/:resellerId/customers`. */
  path: string;
  /** Class name of the controller. */
  controller: string;
  /** Name of the controller's method. */
  handler: string;
  /** The class itself, for reading more of its metadata. */
  controllerClass: Type<unknown>;
  /** The route's access rule (`@Public()` / `@Allow(...)`, method over class), undefined when none is declared. */
  access: AccessRule | undefined;
  /** The class of the `@Body()` argument (undefined when the handler takes no body). */
  body: Type<unknown> | undefined;
  /** The class of a whole-object `@Query()` argument (undefined when none). */
  query: Type<unknown> | undefined;
}

/**
 * Every route of every controller the application registered, read from the same decorator
 * metadata the Nest router uses (controller path × method path). No global prefix, versioning or
 * RouterModule is used here; the OpenAPI test also checks the result against Express's own table.
 */
export function listRoutes(app: INestApplication): Route[] {
  const scanner = new MetadataScanner();
  const routes: Route[] = [];
  const seen = new Set<Type<unknown>>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controllerClass = wrapper.metatype as Type<unknown> | null;
      if (!controllerClass || seen.has(controllerClass)) continue;
      seen.add(controllerClass);
      for (const handler of scanner.getAllMethodNames(controllerClass.prototype)) {
        routes.push(...routesOf(controllerClass, handler));
      }
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

function routesOf(controllerClass: Type<unknown>, handler: string): Route[] {
  const method = (controllerClass.prototype as Record<string, object>)[handler];
  const requestMethod = Reflect.getMetadata(METHOD_METADATA, method) as RequestMethod | undefined;
  const methodPaths = Reflect.getMetadata(PATH_METADATA, method) as string | string[] | undefined;
  if (requestMethod === undefined || methodPaths === undefined) return [];
  const controllerPaths = (Reflect.getMetadata(PATH_METADATA, controllerClass) as string | string[] | undefined) ?? '/';
  const access =
    (Reflect.getMetadata(ACCESS_RULE, method) as AccessRule | undefined) ??
    (Reflect.getMetadata(ACCESS_RULE, controllerClass) as AccessRule | undefined);
  const args = argumentsOf(controllerClass, handler);
  return list(controllerPaths).flatMap((base) =>
    list(methodPaths).map((path) => ({
      method: RequestMethod[requestMethod],
      path: joinPath(base, path),
      controller: controllerClass.name,
      handler,
      controllerClass,
      access,
      body: args.body,
      query: args.query,
    })),
  );
}

function argumentsOf(controllerClass: Type<unknown>, handler: string): { body?: Type<unknown>; query?: Type<unknown> } {
  const declared = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controllerClass, handler) ?? {}) as Record<
    string,
    { index: number; data?: unknown }
  >;
  const types = (Reflect.getMetadata(PARAMTYPES_METADATA, controllerClass.prototype, handler) ?? []) as Type<unknown>[];
  const found: { body?: Type<unknown>; query?: Type<unknown> } = {};
  for (const [key, { index, data }] of Object.entries(declared)) {
    const paramtype = Number(key.split(':')[0]);
    // A body is a body whether taken whole or one field of it; a query object only when taken whole.
    if (paramtype === RouteParamtypes.BODY) found.body = types[index] ?? Object;
    if (paramtype === RouteParamtypes.QUERY && data === undefined) found.query = types[index];
  }
  return found;
}

function list(paths: string | string[]): string[] {
  return Array.isArray(paths) ? paths : [paths];
}

function joinPath(...parts: string[]): string {
  const segments = parts.map((part) => part.replace(/^\/+|\/+$/g, '')).filter((part) => part !== '');
  return `/${segments.join('/')}`;
}

/** `/resellers/:resellerId` → `/resellers/{resellerId}`, as OpenAPI names paths. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}
