// Lists the mutants that survived (or had no coverage) in Stryker's JSON report, with the score per file.
// Usage: node test/mutation/survivors.mjs [reports/mutation/mutation.json]
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2] ?? 'reports/mutation/mutation.json', 'utf8'));
let killed = 0;
let valid = 0;
for (const [file, { mutants, source }] of Object.entries(report.files)) {
  const lines = source.split('\n');
  const counted = mutants.filter((m) => !['CompileError', 'RuntimeError', 'Ignored'].includes(m.status));
  const k = counted.filter((m) => m.status === 'Killed' || m.status === 'Timeout').length;
  killed += k;
  valid += counted.length;
  console.log(`\n${file}: ${k}/${counted.length} (${((100 * k) / counted.length).toFixed(1)}%)`);
  for (const m of mutants.filter((x) => x.status === 'Survived' || x.status === 'NoCoverage')) {
    const at = m.location.start;
    const original = lines[at.line - 1].trim().slice(0, 110);
    console.log(`  ${m.status === 'NoCoverage' ? 'NOCOV' : 'SURV '} ${at.line}:${at.column} ${m.mutatorName}: ${JSON.stringify(m.replacement ?? '').slice(0, 80)}   | ${original}`);
  }
}
console.log(`\nmutation score: ${((100 * killed) / valid).toFixed(2)}% (${killed}/${valid} killed or timed out)`);
