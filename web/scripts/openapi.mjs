// The gateway's OpenAPI document, kept in the repository as openapi/motcrm.json, and the TypeScript types
// generated from it (src/shared/api/schema.d.ts).
//
//   node scripts/openapi.mjs fetch   take the document from a running suite (./crm up), then regenerate the types
//   node scripts/openapi.mjs check   fail if the running suite's document, or the types generated from the
//                                    committed document, differ from what is committed
//
// The gateway's URL: MOTCRM_GATEWAY_URL (default http://localhost:8080).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const documentFile = join(root, 'openapi', 'motcrm.json');
const typesFile = join(root, 'src', 'shared', 'api', 'schema.d.ts');
const gateway = (process.env.MOTCRM_GATEWAY_URL ?? 'http://localhost:8080').replace(/\/+$/, '');
/** Where the committed document says the identity provider is: the local suite's Keycloak. */
const LOCAL_REALM = 'http://localhost:8180/realms/motcrm';

async function liveDocument() {
  const response = await fetch(`${gateway}/openapi`, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`GET ${gateway}/openapi answered ${response.status}; is the suite up (./crm up)?`);
  }
  const document = await response.json();
  const missing = document['x-motcrm-coverage']?.unavailableServices ?? [];
  if (missing.length > 0) {
    throw new Error(`the document lacks the parts of ${missing.join(', ')}: they did not answer the gateway`);
  }
  // The realm's address depends on where this suite's Keycloak runs; the committed document names the default one.
  const flows = document.components?.securitySchemes?.oidc?.flows ?? {};
  for (const flow of Object.values(flows)) {
    for (const key of ['authorizationUrl', 'tokenUrl']) {
      if (typeof flow[key] === 'string') {
        flow[key] = flow[key].replace(/^.*\/realms\/[^/]+/, LOCAL_REALM);
      }
    }
  }
  return `${JSON.stringify(document, null, 2)}\n`;
}

function generatedTypes(document) {
  const dir = mkdtempSync(join(tmpdir(), 'motcrm-api-'));
  try {
    const input = join(dir, 'motcrm.json');
    const output = join(dir, 'schema.d.ts');
    writeFileSync(input, document);
    execFileSync(join(root, 'node_modules', '.bin', 'openapi-typescript'), [input, '--output', output], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    return readFileSync(output, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Operations (method and path) present in one document and not the other, or changed, for the failure message. */
function operationDifferences(committed, live) {
  const operations = (text) => {
    const result = new Map();
    for (const [path, item] of Object.entries(JSON.parse(text).paths ?? {})) {
      for (const [method, operation] of Object.entries(item)) {
        result.set(`${method.toUpperCase()} ${path}`, JSON.stringify(operation));
      }
    }
    return result;
  };
  const before = operations(committed);
  const after = operations(live);
  const lines = [];
  for (const [name, operation] of after) {
    if (!before.has(name)) lines.push(`  added:   ${name}`);
    else if (before.get(name) !== operation) lines.push(`  changed: ${name}`);
  }
  for (const name of before.keys()) {
    if (!after.has(name)) lines.push(`  removed: ${name}`);
  }
  return lines.length > 0 ? lines : ['  (components or document-level members differ)'];
}

async function main(command) {
  if (command === 'fetch') {
    const document = await liveDocument();
    writeFileSync(documentFile, document);
    writeFileSync(typesFile, generatedTypes(document));
    const count = Object.values(JSON.parse(document).paths).reduce((n, item) => n + Object.keys(item).length, 0);
    console.log(`openapi/motcrm.json: ${count} operations; src/shared/api/schema.d.ts regenerated`);
    return 0;
  }
  if (command === 'check') {
    const committed = readFileSync(documentFile, 'utf8');
    const live = await liveDocument();
    let failures = 0;
    if (live !== committed) {
      console.error('The running suite\'s OpenAPI document differs from web/openapi/motcrm.json:');
      console.error(operationDifferences(committed, live).join('\n'));
      failures++;
    }
    if (generatedTypes(committed) !== readFileSync(typesFile, 'utf8')) {
      console.error('web/src/shared/api/schema.d.ts is not what openapi-typescript makes of web/openapi/motcrm.json');
      failures++;
    }
    if (failures > 0) {
      console.error('Regenerate both with `./crm api` (against a suite started from this tree) and commit them.');
      return 1;
    }
    console.log('web/openapi/motcrm.json matches the running suite; the generated client matches the document');
    return 0;
  }
  console.error('usage: node scripts/openapi.mjs fetch|check');
  return 2;
}

main(process.argv[2]).then((code) => process.exit(code), (error) => {
  console.error(`openapi: ${error.message}`);
  process.exit(1);
});
