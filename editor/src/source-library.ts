// The source documents (sources/index.json and the texts), bundled into the language worker so that
// quotations are checked as the policy is typed and the source panel can show the agreement.
import index from '../../sources/index.json';
import { SourceLibrary, type SourceEntry } from '../../dsl/sources/library';

const texts = import.meta.glob('../../sources/*.txt', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export const library = new SourceLibrary(
  (index.sources as SourceEntry[])
    .map((e) => ({ ...e, text: (texts[`../../sources/${e.file ?? `${e.id}.txt`}`] ?? '').replace(/\r\n/g, '\n') }))
    .filter((s) => s.text !== ''),
);
