/** The process's termination signals, for commands that run until the user stops them (`mesh dashboard`). */

/** Resolves with the signal's name at the first SIGINT or SIGTERM, then stops listening for them. */
export function untilInterrupted(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const done = (signal: NodeJS.Signals) => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve(signal);
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}
