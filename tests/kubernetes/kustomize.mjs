// A renderer for the part of kustomize that deploy/kubernetes uses (kubectl and kustomize cannot be
// installed here): resources (files and folders with a kustomization.yaml), namespace, images, and
// strategic-merge patches. A kustomization using anything else is refused, so the tests never pass
// over a feature they do not render.
import { readFileSync, existsSync, statSync } from "node:fs";
import { join, dirname } from "node:path";
import { parseAllDocuments } from "yaml";

const supported = new Set(["apiVersion", "kind", "resources", "namespace", "images", "patches"]);
// Kinds without a namespace; every other object gets the kustomization's.
const clusterScoped = new Set(["Namespace", "ClusterRole", "ClusterRoleBinding", "PersistentVolume", "StorageClass", "CustomResourceDefinition"]);

export function loadDocuments(file) {
  return parseAllDocuments(readFileSync(file, "utf8")).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join("; ")}`);
    return doc.toJS({ maxAliasCount: -1 });
  }).filter((object) => object !== null);
}

export function render(folder) {
  const file = join(folder, "kustomization.yaml");
  const [kustomization] = loadDocuments(file);
  const unknown = Object.keys(kustomization).filter((key) => !supported.has(key));
  if (unknown.length > 0) throw new Error(`${file}: ${unknown.join(", ")} not rendered by tests/kubernetes/kustomize.mjs`);

  let objects = (kustomization.resources ?? []).flatMap((resource) => {
    const path = join(folder, resource);
    return existsSync(path) && statSync(path).isDirectory() ? render(path) : loadDocuments(path);
  });
  for (const { path, ...rest } of kustomization.patches ?? []) {
    if (!path || Object.keys(rest).length > 0) throw new Error(`${file}: only patches given by path are rendered`);
    for (const patch of loadDocuments(join(folder, path))) objects = applyPatch(objects, patch, path);
  }
  for (const image of kustomization.images ?? []) setImage(objects, image);
  if (kustomization.namespace)
    for (const object of objects)
      if (!clusterScoped.has(object.kind)) object.metadata.namespace = kustomization.namespace;
  return objects;
}

export const key = (object) => `${object.kind}/${object.metadata?.name}`;

function applyPatch(objects, patch, path) {
  const index = objects.findIndex((object) => key(object) === key(patch) && object.apiVersion === patch.apiVersion);
  if (index < 0) throw new Error(`${path}: ${key(patch)} patches no object`);
  if (patch.$patch === "delete") return objects.filter((_, i) => i !== index);
  objects[index] = merge(objects[index], patch);
  return objects;
}

// Strategic merge as kustomize does it for the lists used here: maps merge (null removes a field),
// lists of named items (containers, env, volumes) merge by name, any other list is replaced; a
// patch that is only "$patch: delete" removes its object.
export function merge(target, patch) {
  if (Array.isArray(patch)) {
    const named = patch.every((item) => item && typeof item === "object" && "name" in item);
    if (!named || !Array.isArray(target)) return structuredClone(patch);
    const result = target.map((item) => structuredClone(item));
    for (const item of patch) {
      const at = result.findIndex((existing) => existing.name === item.name);
      if (at >= 0) result[at] = merge(result[at], item);
      else result.push(merge({}, item));
    }
    return result;
  }
  if (patch === null || typeof patch !== "object") return patch;
  const result = target && typeof target === "object" && !Array.isArray(target) ? structuredClone(target) : {};
  for (const [field, value] of Object.entries(patch)) {
    if (value === null) delete result[field];
    else result[field] = merge(result[field], value);
  }
  return result;
}

function setImage(objects, { name, newName, newTag, ...rest }) {
  if (Object.keys(rest).length > 0) throw new Error(`images: ${Object.keys(rest).join(", ")} not rendered`);
  let used = false;
  for (const object of objects)
    for (const container of object.spec?.template?.spec?.containers ?? []) {
      const [repository] = container.image.split(":");
      if (repository !== name) continue;
      container.image = `${newName ?? name}:${newTag ?? container.image.split(":")[1] ?? "latest"}`;
      used = true;
    }
  if (!used) throw new Error(`images: ${name} names no container's image`);
}

export const repositoryRoot = join(dirname(new URL(import.meta.url).pathname), "..", "..");
