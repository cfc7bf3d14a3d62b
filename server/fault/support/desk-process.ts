/**
 * A dashboard in a process of its own, so a test can freeze it with SIGSTOP as a browser freezes a
 * background tab or a laptop going to sleep, and thaw it with SIGCONT. Talks to the test over IPC.
 */
import { Desk } from './desk';

const { DESK_NAME = 'desk', DESK_URL = '', DESK_COOKIE = '', DESK_BASELINE = '0' } = process.env;
const desk = new Desk(DESK_NAME, DESK_URL, DESK_COOKIE, Number(DESK_BASELINE));

process.on('message', (message: { type: string }) => {
  if (message.type === 'ready') void desk.ready().then(() => process.send!({ type: 'ready' }), (error: Error) => process.send!({ type: 'error', message: error.message }));
  if (message.type === 'report') process.send!({ type: 'report', report: desk.report(), ids: [...desk.seqOf.keys()] });
  if (message.type === 'close') {
    desk.close();
    process.exit(0);
  }
});
