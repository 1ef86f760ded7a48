// The project's import boundaries (STYLE.md, "Front-end"): apps do not import each other, a feature does not
// import a sibling feature (features link through their app's links.ts), and shared/ imports no app.
// Run by `npm run typecheck`; prints each offending import and fails.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (/\.tsx?$/.test(entry.name)) yield path;
  }
}

/** Where a file sits: shared, or an app and possibly one of its features. */
function place(file) {
  const parts = relative(src, file).split(sep);
  if (parts[0] === 'shared') return { area: 'shared' };
  if (parts[0] === 'apps') return { area: 'app', app: parts[1], feature: parts[2] === 'features' ? parts[3] : undefined };
  return { area: 'other' };
}

const problems = [];
for (const file of files(src)) {
  const from = place(file);
  for (const match of readFileSync(file, 'utf8').matchAll(/(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]/g)) {
    const to = place(resolve(dirname(file), match[1]));
    const where = `${relative(src, file)} imports ${match[1]}`;
    if (from.area === 'shared' && to.area === 'app') problems.push(`${where}: shared/ imports no app`);
    if (from.area === 'app' && to.area === 'app' && from.app !== to.app) problems.push(`${where}: apps do not import each other`);
    if (from.area === 'app' && to.area === 'app' && from.app === to.app && from.feature && to.feature && from.feature !== to.feature) {
      problems.push(`${where}: features do not import sibling features (link through the app's links.ts)`);
    }
  }
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
