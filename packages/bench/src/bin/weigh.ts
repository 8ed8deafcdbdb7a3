import { canWeighHeap } from '../heap';
import { weighCache } from '../scaleFigures';

/** P4 alone (see weighInChild): prints its figures as JSON. */
async function main() {
  const [url, backups] = process.argv.slice(2);
  if (!canWeighHeap) throw new Error('run with --expose-gc');
  const figures = await weighCache(url, Number(backups));
  process.stdout.write(JSON.stringify(figures));
}

main().then(
  () => process.exit(0),
  error => {
    process.stderr.write(`bench: weighing failed: ${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
