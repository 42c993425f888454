import { analyze } from '../../dsl';
import { formatText } from '../../dsl/format';
const [shape, n] = [process.argv[2], Number(process.argv[3])];
const bodies: Record<string, string> = { call: 'f('.repeat(n), paren: '('.repeat(n), notp: '(not '.repeat(n), not: 'not '.repeat(n), callx: 'f('.repeat(n) + 'x', notcall: 'not f('.repeat(n), plusp: 'x + ('.repeat(n), isp: 'not (a is b or f(x, '.repeat(n), arith: Array.from({ length: n }, () => 'x').join(' - ') };
const text = `agreement a\ndeadline d\n  when ${bodies[shape]}\n  admitted within 1 hours after ${bodies[shape]}\n`;
try { const a = analyze(text); formatText(text); console.log(shape, n, 'ok', a.diagnostics.some(d => d.code === 'AVT-P003')); } catch (e) { console.log(shape, n, 'THROWS'); }
