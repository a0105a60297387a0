/**
 * Child process of the crash-safety test: opens a project and changes it in a
 * loop through the real store, printing each action's number once its
 * transaction has committed. The parent kills it with SIGKILL at random moments.
 */
import { ProjectSession } from '../../electron/session';
import { updateProject } from '../../electron/store/project';

const [path, startArgument] = process.argv.slice(2);
if (!path || !startArgument) throw new Error('usage: crash-writer PATH START');
// Opened as the app opens a project: with its lock, which the kill leaves behind.
const { db } = new ProjectSession(Date.now, 'electron').open(path);
let action = Number(startArgument);
for (;;) {
  updateProject(db, path, { description: `action ${action}`, title: `Title ${action % 97}` });
  process.stdout.write(`${action}\n`);
  action += 1;
}
