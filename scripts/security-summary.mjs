// Prints the security suite's tallies at the end of the test command (`--reset` clears them first).
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const file = process.env.RASD_SECURITY_SUMMARY ?? path.join(tmpdir(), 'rasd-security-summary.jsonl');
if (process.argv.includes('--reset')) {
  rmSync(file, { force: true });
  process.exit(0);
}
const rows = existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
const total = rows.reduce((t, r) => ({ tried: t.tried + r.tried, refused: t.refused + r.refused, failures: t.failures + r.failures }), { tried: 0, refused: 0, failures: 0 });
console.log('\n== Security suite');
for (const r of rows) console.log(`  ${r.name.padEnd(60)} tried ${String(r.tried).padStart(5)}  refused ${String(r.refused).padStart(5)}  failures ${r.failures}`);
console.log(`  ${'TOTAL'.padEnd(60)} tried ${String(total.tried).padStart(5)}  refused ${String(total.refused).padStart(5)}  failures ${total.failures}`);
if (rows.length === 0) console.log('  (no security cases ran)');
