import { type AnnotateTask, runAnnotateTask } from './annotate-task.js';

/** Piscina worker: one review copy per task. The engine is loaded once per thread. */
export default function annotateInWorker(task: AnnotateTask) {
  return runAnnotateTask(task);
}
