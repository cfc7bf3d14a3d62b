/** The README written when bench/README.md does not exist yet; later runs only replace the generated block. */
export function readmeTemplate(block: string): string {
  return `# Rasd benchmarks

\`pnpm bench\` measures what the operations room depends on; \`pnpm bench --quick\` is a one-minute
smoke run of the same harness (CI runs it so the harness cannot rot; it has no thresholds).

## Latest figures

${block}

## What changed to reach them

_(The team fills this in: each change that moved a figure, with the before/after rows.)_
`;
}
