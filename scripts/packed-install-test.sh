#!/usr/bin/env bash
# Installs the plugins the way an adopter would: packs every plugin package (yarn pack, as it
# would be published), scaffolds a fresh app with @backstage/create-app in a temporary folder,
# installs the tarballs there and wires them as README.md's "Install the plugins into your
# Backstage" section says (its `yarn --cwd ... add` and `backend.add(...)` lines are read from the
# README itself). Then it typechecks the app (including the README's legacy frontend snippet and
# the explicit `features` variant), builds the frontend, starts the backend and checks that
# /api/ops/health/fleet answers 401 without credentials and 200 with a guest token.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/tooling.sh
repo="$PWD"
work="$(mktemp -d -t ops-packed-install.XXXXXX)"
app="$work/app"
mkdir -p "$work/packs" "$work/logs"
backend_pid=""
started=$SECONDS

cleanup() {
  if [ -n "$backend_pid" ]; then
    kill -- "-$backend_pid" 2>/dev/null || true
    wait "$backend_pid" 2>/dev/null || true
  fi
  # an interrupted `yarn pack` leaves the publish-time package.json in place: put the source one back
  for backup in "$repo"/plugins/*/package.json-prepack; do
    [ -f "$backup" ] && (cd "$(dirname "$backup")" && yarn backstage-cli package postpack >/dev/null 2>&1 || true)
  done
  if [ -n "${PACKED_INSTALL_KEEP:-}" ]; then echo "[packed-install] kept $work"; else rm -rf "$work"; fi
  echo "[packed-install] took $((SECONDS - started)) s"
}
trap cleanup EXIT

# step NAME SECONDS CMD... — runs CMD with a time limit, its output in a log that is printed on failure
step() {
  local name="$1" limit="$2"; shift 2
  local log="$work/logs/${name// /-}.log"
  echo "[packed-install] $name ($((SECONDS - started)) s)"
  if ! timeout --kill-after=10 "$limit" "$@" >"$log" 2>&1; then
    echo "[packed-install] FAILED: $name (exit or timeout after ${limit} s); last lines of its output:" >&2
    tail -n 60 "$log" >&2
    exit 1
  fi
}

# 1. Build and pack every plugin package. The package builds read the .d.ts that tsc emits;
#    type errors themselves are the typecheck step's business, so they do not stop the packing.
timeout 600 yarn tsc >"$work/logs/tsc.log" 2>&1 || echo "[packed-install] note: yarn tsc reported errors (see the typecheck step)"
for dir in plugins/*/; do
  [ -f "$dir/package.json" ] || continue
  name="$(basename "$dir")"
  step "build $name" 300 yarn --cwd "$dir" build
  step "pack $name" 300 yarn --cwd "$dir" pack --out "$work/packs/$name.tgz"
done

# 2. A fresh app from the starter, as an adopter gets it.
step "create-app" 300 env BACKSTAGE_APP_NAME=app npx -y @backstage/create-app@latest --skip-install --path "$app" </dev/null

# 3. Wire the plugins from the README: every package its `yarn --cwd <workspace> add` lines name
#    becomes a dependency of that workspace, resolved to its tarball (the packages are not on a
#    registry yet), and its `backend.add(import(...))` lines go into the backend.
step "wire from README" 60 node - "$repo" "$app" "$work/packs" <<'EOF'
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const [repo, app, packs] = process.argv.slice(2);
const readme = fs.readFileSync(path.join(repo, 'README.md'), 'utf8');
const start = readme.indexOf('## Install the plugins into your Backstage');
if (start < 0) throw new Error('README has no "Install the plugins into your Backstage" section');
const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
const editJson = (file, edit) => {
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  edit(json);
  fs.writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
};

// every packed package, by name, resolved to its tarball wherever it is asked for; its published
// manifest must be public, built, and need nothing that is never published (private workspaces)
const privateNames = fs
  .readdirSync(path.join(repo, 'packages'))
  .map(dir => path.join(repo, 'packages', dir, 'package.json'))
  .filter(file => fs.existsSync(file))
  .map(file => JSON.parse(fs.readFileSync(file, 'utf8')))
  .filter(pkg => pkg.private)
  .map(pkg => pkg.name);
const tarballs = {};
for (const file of fs.readdirSync(packs)) {
  const tgz = path.join(packs, file);
  const manifest = execFileSync('tar', ['-xzOf', tgz, 'package/package.json'], { encoding: 'utf8' });
  const { name, version, private: isPrivate, main, ...pkg } = JSON.parse(manifest);
  const needed = { ...pkg.dependencies, ...pkg.peerDependencies, ...pkg.optionalDependencies };
  const problems = [
    isPrivate && 'it is private',
    !/^(\.\/)?dist\//.test(main ?? '') && `main is ${main}, not the build output`,
    manifest.includes('"workspace:') && 'a workspace: range was left in',
    ...privateNames.filter(n => needed[n]).map(n => `it needs the private package ${n}`),
  ].filter(Boolean);
  if (problems.length) throw new Error(`${file}: ${problems.join('; ')}`);
  tarballs[name] = { file: `file:${tgz}`, version };
}
editJson(path.join(app, 'package.json'), json => {
  for (const [name, { file }] of Object.entries(tarballs)) json.resolutions[name] = file;
});

const adds = [...section.matchAll(/^yarn --cwd (packages\/[\w-]+) add (.+)$/gm)];
if (adds.length === 0) throw new Error('README shows no `yarn --cwd ... add` command');
for (const [, workspace, names] of adds) {
  editJson(path.join(app, workspace, 'package.json'), json => {
    for (const name of names.trim().split(/\s+/)) {
      if (!tarballs[name]) throw new Error(`README adds ${name}, which is no plugin package here`);
      json.dependencies[name] = `^${tarballs[name].version}`; // what `yarn add` writes once published
    }
  });
  console.log(`${workspace}: ${names}`);
}

const backendLines = section.match(/^backend\.add\(import\('@opsconsole\/[^']+'\)\);$/gm) ?? [];
if (backendLines.length === 0) throw new Error('README shows no backend.add(import(...)) line');
const indexFile = path.join(app, 'packages/backend/src/index.ts');
const index = fs.readFileSync(indexFile, 'utf8');
if (!index.includes('backend.start();')) throw new Error('the starter backend has no backend.start()');
fs.writeFileSync(indexFile, index.replace('backend.start();', `${backendLines.join('\n')}\n\nbackend.start();`));
console.log(backendLines.join('\n'));

// The README's two other frontend variants, typechecked only: the explicit `features` list of the
// new frontend system, and the legacy system's snippets (the starter has no legacy app, so the
// snippets are set into a minimal one: routes, an entity page and its overview).
const blocks = [...section.matchAll(/```(ts|tsx)\n([\s\S]*?)```/g)].map(m => m[2]);
const explicit = blocks.find(b => b.includes('features: [opsPlugin]'));
const legacy = blocks.find(b => b.includes('// App.tsx'));
if (!explicit || !legacy) throw new Error('README lacks the `features` or the legacy frontend snippet');
const readmeDir = path.join(app, 'packages/app/src/readme');
fs.mkdirSync(readmeDir, { recursive: true });
fs.writeFileSync(
  path.join(readmeDir, 'ExplicitFeaturesApp.tsx'),
  `import { createApp } from '@backstage/frontend-defaults';\n${explicit}`,
);
const imports = [];
const groups = [];
for (const line of legacy.split('\n')) {
  if (line.startsWith('import ')) imports.push(line);
  else if (line.startsWith('//')) groups.push([]);
  else if (line.trim() && groups.length) groups[groups.length - 1].push(line);
}
if (groups.length !== 3) throw new Error('README legacy snippet: expected App.tsx, EntityPage.tsx and overview parts');
const [routes, entityRoutes, overview] = groups.map(g => g.join('\n'));
fs.writeFileSync(
  path.join(readmeDir, 'LegacyApp.tsx'),
  `import { createApp } from '@backstage/app-defaults';
import { FlatRoutes } from '@backstage/core-app-api';
import { EntityLayout, EntitySwitch } from '@backstage/plugin-catalog';
import { Grid } from '@material-ui/core';
import { Route } from 'react-router-dom';
${imports.join('\n')}

export const entityPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      <Grid container spacing={3}>
${overview}
      </Grid>
    </EntityLayout.Route>
${entityRoutes}
  </EntityLayout>
);

export default createApp().createRoot(
  <FlatRoutes>
${routes}
  </FlatRoutes>,
);
`,
);
editJson(path.join(app, 'packages/app/package.json'), json => {
  json.dependencies['@backstage/app-defaults'] = '^1.7.12';
  json.dependencies['@backstage/core-app-api'] = '^1.20.7';
});
// The starter's ranges resolve to plugins newer than its backend-defaults serves
// (httpRouter.addWebSocketHandler): the same bump an adopter on Backstage 1.55 makes.
editJson(path.join(app, 'packages/backend/package.json'), json => {
  json.dependencies['@backstage/backend-defaults'] = '^0.19.0';
});
EOF

# 4. Install (the starter's lockfile cannot be fetched, so the lockfile is written here; Yarn's
#    global cache is kept between runs), typecheck, build the frontend.
cd "$app"
step "yarn install" 900 yarn install --no-immutable
# only what the README wires (the backend's index, the frontend variants), not the whole starter
echo '{ "extends": "./tsconfig.json", "include": ["packages/backend/src/index.ts", "packages/app/src/App.tsx", "packages/app/src/readme"],
  "compilerOptions": { "noEmit": true, "emitDeclarationOnly": false, "incremental": false } }' >tsconfig.readme.json
step "tsc" 600 yarn tsc -p tsconfig.readme.json
step "build frontend" 900 yarn --cwd packages/app build
grep -rqs --include="*.js" "opsconsole" packages/app/dist/static ||
  { echo "[packed-install] FAILED: the built frontend does not contain the ops plugin" >&2; exit 1; }

# 5. Start the backend on a free port (the dev portal may hold 7007) and ask the ops API.
port="$(node -e 's=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
base="http://localhost:$port"
echo "[packed-install] start backend on $base ($((SECONDS - started)) s)"
APP_CONFIG_backend_listen_port="$port" APP_CONFIG_backend_baseUrl="$base" \
  setsid yarn --cwd packages/backend start >"$work/logs/backend.log" 2>&1 </dev/null &
backend_pid=$!
backend_failed() {
  echo "[packed-install] FAILED: $1; last lines of the backend's output:" >&2
  tail -n 60 "$work/logs/backend.log" >&2
  exit 1
}
deadline=$((SECONDS + 240))
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/.backstage/health/v1/readiness")" = 200 ]; do
  kill -0 "$backend_pid" 2>/dev/null || backend_failed "the backend exited before it was ready"
  [ "$SECONDS" -lt "$deadline" ] || backend_failed "the backend was not ready within 240 s"
  sleep 2
done

fleet="$base/api/ops/health/fleet"
anonymous="$(curl -s -m 30 -o /dev/null -w '%{http_code}' "$fleet")"
[ "$anonymous" = 401 ] || backend_failed "GET $fleet without credentials answered $anonymous, not 401"
token="$(curl -s -m 30 -X POST -H 'X-Requested-With: XMLHttpRequest' "$base/api/auth/guest/refresh" |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{console.log(JSON.parse(s).backstageIdentity.token)}catch{}})')"
[ -n "$token" ] || backend_failed "no guest token from POST $base/api/auth/guest/refresh"
signed_in="$(curl -s -m 30 -o "$work/logs/fleet.json" -w '%{http_code}' -H "Authorization: Bearer $token" "$fleet")"
[ "$signed_in" = 200 ] || backend_failed "GET $fleet with a guest token answered $signed_in, not 200: $(head -c 300 "$work/logs/fleet.json")"
echo "[packed-install] ok: $fleet answers 401 without credentials and 200 for the guest ($((SECONDS - started)) s)"
