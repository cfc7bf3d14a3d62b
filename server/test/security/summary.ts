import { appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Where the security suite leaves its tallies; the test command prints them at the end. */
export const summaryFile = process.env.RASD_SECURITY_SUMMARY ?? path.join(tmpdir(), 'rasd-security-summary.jsonl');

/** Records one family of attacks: how many cases were tried, refused, and how many got through. */
export function recordAttack(name: string, tried: number, refused: number, failures: number): void {
  appendFileSync(summaryFile, JSON.stringify({ name, tried, refused, failures }) + '\n');
  console.log(`[security] ${name}: tried ${tried}, refused ${refused}, failures ${failures}`);
}
