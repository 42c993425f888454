// CPU time of this process's main thread (Linux /proc), so the server's cost per request can be told apart
// from the load generator's when both share the process. Coarse (clock ticks, usually 10 ms); undefined elsewhere.
import { readFileSync } from 'node:fs';

export function mainThreadCpuMs(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, at 100 ticks per second
  } catch {
    return undefined;
  }
}
