import { analyze } from '../dsl';
import { draftText } from '../test/server/helpers';
const a = analyze(draftText('2025-x'));
console.log(a.diagnostics.map(d => d.code + ' ' + d.message), a.ast.header?.status, a.ast.header?.version?.value);
