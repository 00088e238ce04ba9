/** A tiny flag parser for the benchmarks: `--name value` and boolean `--flag`, with defaults and a usage text. */
export function parseFlags<T extends Record<string, number | string | boolean>>(
  argv: string[],
  defaults: T,
  usage: string,
): T {
  const out: Record<string, number | string | boolean> = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${usage}\n`);
      process.exit(0);
    }
    const key = arg.replace(/^--/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    if (!arg.startsWith('--') || !(key in defaults)) fail(`unknown option ${arg}`, usage);
    const def = defaults[key];
    if (typeof def === 'boolean') {
      out[key] = true;
      continue;
    }
    const v = argv[++i];
    if (v === undefined) fail(`${arg} needs a value`, usage);
    if (typeof def === 'number') {
      if (!/^\d+(\.\d+)?$/.test(v)) fail(`${arg} needs a number (got ${v})`, usage);
      out[key] = Number(v);
    } else out[key] = v;
  }
  return out as T;
}

function fail(message: string, usage: string): never {
  process.stderr.write(`${message}\n\n${usage}\n`);
  process.exit(2);
}
