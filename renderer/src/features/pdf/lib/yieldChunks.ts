/**
 * pdf.js draws a page in chunks of about 15 ms but, left alone, runs the next chunk as a microtask: a whole page's
 * drawing becomes one long task, and scrolling stutters while pages (and thumbnails) are drawn. Continuing each
 * chunk from a new task lets frames (and scroll events) through between chunks.
 */
export interface ContinuableTask {
  // pdf.js types it as Function; it is called with the function that draws the next chunk.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  onContinue: Function;
}

export function yieldBetweenChunks<T extends ContinuableTask>(task: T): T {
  task.onContinue = (cont: () => void) => {
    setTimeout(cont, 0);
  };
  return task;
}
