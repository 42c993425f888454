// The page's hash as parameters: #a=varmland&v=2019-01-01&tab=simulator&s=… (no dependencies: boot.ts reads it
// before anything else is loaded).
export function readHash(): URLSearchParams {
  return new URLSearchParams(location.hash.replace(/^#/, ''));
}

export function writeHash(params: Record<string, string | undefined>): void {
  const p = readHash();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === '') p.delete(k);
    else p.set(k, v);
  }
  history.replaceState(null, '', `#${p.toString()}`);
}
