/**
 * Where a server's CPU went, from a .cpuprofile (`npm run load -- --profile` writes one):
 * self time by package and by function, and inclusive time of Kring's own functions.
 *
 *   node scripts/ts-run.js bench/lib/profile-summary.ts bench/results/load-….cpuprofile [--top 25]
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

function packageOf(url: string, fn: string): string {
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = url.slice(nm + 13).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (url.includes('/dist/')) return 'kring';
  if (url.startsWith('node:')) return 'node';
  return fn ? `(${fn})` : '(native)';
}

function label(n: Node): string {
  const url = n.callFrame.url
    .replace(/^file:\/\//, '')
    .replace(/.*node_modules\//, '')
    .replace(/.*\/dist\//, 'kring/');
  return `${n.callFrame.functionName || '(anonymous)'} ${url}:${n.callFrame.lineNumber + 1}`;
}

export function summarize(profile: Profile, top = 25): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const own = new Map<number, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    own.set(id, (own.get(id) ?? 0) + dt);
    total += dt;
  });
  const self = new Map<string, number>();
  const pkg = new Map<string, number>();
  const incl = new Map<string, number>();
  for (const [id, us] of own) {
    const n = byId.get(id)!;
    if (n.callFrame.functionName === '(idle)') {
      total -= us;
      continue;
    }
    self.set(label(n), (self.get(label(n)) ?? 0) + us);
    const p = packageOf(n.callFrame.url, n.callFrame.functionName);
    pkg.set(p, (pkg.get(p) ?? 0) + us);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at)!;
      if (!node.callFrame.url.includes('/dist/')) continue;
      const l = label(node);
      if (!seen.has(l)) {
        seen.add(l);
        incl.set(l, (incl.get(l) ?? 0) + us);
      }
    }
  }
  const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
  const list = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => `  ${pct(us)}  ${k}`)
      .join('\n');
  return [
    `busy CPU sampled: ${(total / 1e6).toFixed(1)} s`,
    'self time by package:',
    list(pkg),
    'self time by function:',
    list(self),
    "inclusive time of Kring's functions (synchronous part only):",
    list(incl),
  ].join('\n');
}

if (process.argv[1] === __filename) {
  const [file, flag, n] = process.argv.slice(2);
  process.stdout.write(
    `${summarize(JSON.parse(readFileSync(file, 'utf8')) as Profile, flag === '--top' ? Number(n) : 25)}\n`,
  );
}
