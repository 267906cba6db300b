import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

export type PageKind = 'global' | 'project' | 'admin';

const MODULE_TYPES: Record<PageKind, string> = { global: 'jira:globalPage', project: 'jira:projectPage', admin: 'jira:adminPage' };

const moduleListSchema = z.array(z.object({ key: z.string(), resource: z.string(), title: z.string().optional() }).loose());
const manifestSchema = z.object({
  modules: z.record(z.string(), z.unknown()),
  resources: z.array(z.object({ key: z.string(), path: z.string() })),
}).loose();

export interface PageModule {
  kind: PageKind;
  /** Forge module type, e.g. jira:globalPage */
  type: string;
  key: string;
  title: string;
  resourcePath: string;
}

/** The three Custom UI pages as manifest.yml declares them. */
export function readPageModules(manifestPath: string): Record<PageKind, PageModule> {
  const manifest = manifestSchema.parse(parse(readFileSync(manifestPath, 'utf8')));
  const find = (kind: PageKind): PageModule => {
    const type = MODULE_TYPES[kind];
    const module = moduleListSchema.parse(manifest.modules[type] ?? [])[0];
    if (!module) throw new Error(`manifest.yml declares no ${type} module`);
    const resource = manifest.resources.find((r) => r.key === module.resource);
    if (!resource) throw new Error(`manifest.yml: ${module.key} uses resource '${module.resource}', which is not declared`);
    return { kind, type, key: module.key, title: module.title ?? module.key, resourcePath: resource.path };
  };
  return { global: find('global'), project: find('project'), admin: find('admin') };
}
