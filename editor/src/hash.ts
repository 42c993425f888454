// The page's hash as parameters: #a=varmland&v=2019-01-01&tab=simulator&s=… (no dependencies: boot.ts reads it
// before anything else is loaded).
export function readHash(hash: string = location.hash): URLSearchParams {
  return new URLSearchParams(hash.replace(/^#/, ''));
}

export function writeHash(params: Record<string, string | undefined>): void {
  const p = readHash();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === '') p.delete(k);
    else p.set(k, v);
  }
  history.replaceState(null, '', `#${p.toString()}`);
}
