/**
 * Child process of the lock tests: a second Axial. Opens the project through a
 * real session (lock included), prints "open" or the refusal's code and
 * message, then keeps the project open until killed or told to write.
 */
import { ProjectSession } from '../../electron/session';
import { AxialError } from '../../shared/errors';

const [path] = process.argv.slice(2);
if (!path) throw new Error('usage: lock-holder PATH');
const session = new ProjectSession(Date.now, 'electron');
try {
  session.open(path);
  process.stdout.write('open\n');
} catch (error) {
  process.stdout.write(
    `refused ${error instanceof AxialError ? error.code : 'other'} ${(error as Error).message}\n`,
  );
  process.exit(0);
}
process.stdin.on('data', () => {
  session.close();
  process.stdout.write('closed\n');
  process.exit(0);
});
setInterval(() => undefined, 1000);
