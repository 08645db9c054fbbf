/**
 * `node -r ./test/unit/register.cjs test/eval/dumpStory.ts SPLIT STORY`: prints a story's people
 * (with variants and roles) and who said what, to study the development set's errors. Use on `dev` only.
 */
import { loadStory, type Split } from './newsEval';

async function main(): Promise<void> {
  const [split, story] = process.argv.slice(2) as [Split, string];
  if (split !== 'dev') throw new Error('dumpStory is for the development set only');
  const { analysis } = await loadStory(split, story);
  for (const entity of analysis.entities) {
    console.log(`${entity.kind.padEnd(12)} ${entity.name}  [${entity.variants.map((variant) => variant.text).join(' | ')}]  ${entity.roles.map((role) => role.role).join('; ')}`);
  }
  for (const group of analysis.stances) for (const stance of group.stances) console.log(`SAYS ${stance.speaker}: ${stance.quotes.map((quote) => `“${quote.slice(0, 70)}”`).join(' ')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
