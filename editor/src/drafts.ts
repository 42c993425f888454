// Unsaved changes survive a reload: the text of each agreement version is kept in localStorage until
// it is saved through the server or discarded.
export interface UnsavedDraft {
  text: string;
  savedAt: string; // ISO time
  baseHash: string; // a hash of the text it was edited from
}

const key = (agreement: string, version: string) => `avtal.unsaved.${agreement}@${version}`;

export function hashText(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16);
}

export function loadUnsaved(agreement: string, version: string): UnsavedDraft | undefined {
  try {
    const raw = localStorage.getItem(key(agreement, version));
    return raw ? (JSON.parse(raw) as UnsavedDraft) : undefined;
  } catch {
    return undefined;
  }
}

/** The unsaved changes to a version kept in this browser, when they differ from its text. */
export function unsavedChanges(agreement: string, version: string, text: string): UnsavedDraft | undefined {
  const unsaved = loadUnsaved(agreement, version);
  return unsaved && unsaved.text !== text ? unsaved : undefined;
}

export function storeUnsaved(agreement: string, version: string, text: string, base: string): void {
  try {
    localStorage.setItem(key(agreement, version), JSON.stringify({ text, savedAt: new Date().toISOString(), baseHash: hashText(base) } satisfies UnsavedDraft));
  } catch {
    /* storage full or unavailable: nothing to do */
  }
}

export function clearUnsaved(agreement: string, version: string): void {
  try {
    localStorage.removeItem(key(agreement, version));
  } catch {
    /* ignore */
  }
}
