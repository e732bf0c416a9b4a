// The API schema of kubernetes-models accepts fields it does not know (a misspelt "readinesProbe"
// passes, and a cluster would drop it or refuse it). Its type declarations list every field of
// every kind, so an object's fields are checked against them here, all the way down.
import { readFileSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { repositoryRoot } from "./kustomize.mjs";

const modules = join(repositoryRoot, "node_modules");
const declarations = new Map();

// The first interface of a declaration file: each field's type, and where its named types are declared.
function declaration(file) {
  if (declarations.has(file)) return declarations.get(file);
  const text = readFileSync(file, "utf8");
  const imports = new Map([...text.matchAll(/^import \{ (\w+) \} from "([^"]+)";$/gm)].map(([, name, from]) => {
    const path = from.startsWith(".") ? join(dirname(file), from) : join(modules, from);
    return [name, `${path.replace(/\.js$/, "")}.d.ts`];
  }));
  const body = text.match(/^export interface \w+(?: extends [\w, ]+)? \{\n([\s\S]*?)\n\}$/m);
  const fields = body === null ? null : new Map([...body[1].matchAll(/^ {4}"([^"]+)"\??: ([^\n]*?);?$(?:\n {8}\[key: string\]: ([^\n]+);)?/gm)]
    .map(([, name, type, mapValue]) => [name, type === "{" ? { map: mapValue } : type]));
  const result = { imports, fields };
  declarations.set(file, result);
  return result;
}

function check(value, type, imports, path, errors) {
  if (value === null || typeof value !== "object") return;
  if (typeof type === "object") {
    for (const [name, item] of Object.entries(value)) check(item, type.map, imports, `${path}.${name}`, errors);
    return;
  }
  const element = type.match(/^Array<(.+)>$/);
  if (element) {
    value.forEach((item, i) => check(item, element[1], imports, `${path}[${i}]`, errors));
    return;
  }
  const file = imports.get(type);
  // A type the walk cannot follow is reported, so nothing goes unchecked unnoticed.
  if (file && existsSync(file)) checkFields(value, file, path, errors);
  else if (/^I[A-Z]/.test(type)) errors.push(`${path}: no declaration of ${type}`);
}

function checkFields(value, file, path, errors) {
  const { imports, fields } = declaration(file);
  if (fields === null) return; // A type alias (IntOrString, Quantity, Time): no fields of its own.
  for (const [name, item] of Object.entries(value)) {
    if (!fields.has(name)) errors.push(`${path}.${name}`);
    else check(item, fields.get(name), imports, `${path}.${name}`, errors);
  }
}

/** The paths of an object's fields that its kind does not have. */
export function unknownFields(object) {
  const errors = [];
  checkFields(object, join(modules, "kubernetes-models", object.apiVersion, `${object.kind}.d.ts`), object.kind, errors);
  return errors;
}
