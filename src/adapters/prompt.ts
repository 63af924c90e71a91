/** Asks a yes/no question on the terminal (only called when stdin is a TTY). */
import { createInterface } from 'node:readline/promises';

/** Prints `question [y/N] ` on stderr and resolves true only for `y` or `yes`. */
export async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`${question} [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}
