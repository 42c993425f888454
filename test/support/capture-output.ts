// Captures what the CLI writes to stdout and stderr during each test of the file that calls it.
import { afterEach, beforeEach, vi } from 'vitest';

export function captureOutput(): { stdout: () => string; stderr: () => string; clear: () => void } {
  let stdout = '';
  let stderr = '';
  beforeEach(() => {
    stdout = '';
    stderr = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
  });
  afterEach(() => vi.restoreAllMocks());
  return {
    stdout: () => stdout,
    stderr: () => stderr,
    clear: () => {
      stdout = '';
      stderr = '';
    },
  };
}
