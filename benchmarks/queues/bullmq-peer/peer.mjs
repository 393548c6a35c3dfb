// BullMQ side of the queue throughput benchmark, driven over stdin/stdout by the Java benchmark so that its rounds
// alternate with the Java sides' rounds in one run:
//   in:  "round <concurrency> <jobs>"   out: "done <elapsed ns>"
//   in:  "quit"                         (or end of input) removes every queue this process made, then exits
// A round adds <jobs> jobs one at a time (each add awaited, as the Java side enqueues one at a time) to a fresh
// queue whose Worker, with a trivial processor, is already running; it is timed from the first add until the
// Worker reported the last job completed. Usage: node peer.mjs <redis url> <queue name prefix>
import { Queue, Worker } from 'bullmq';
import { createInterface } from 'node:readline';

const [redisUrl = 'redis://127.0.0.1:6379', prefix = 'purista-bench-bullmq'] = process.argv.slice(2);
const url = new URL(redisUrl);
const connection = { host: url.hostname, port: Number(url.port || 6379), maxRetriesPerRequest: null };
const made = [];
let roundNumber = 0;

async function round(concurrency, jobs) {
  const name = `${prefix}-c${concurrency}-r${roundNumber++}`;
  const queue = new Queue(name, { connection });
  made.push(queue);
  let completed = 0;
  let allDone;
  const done = new Promise((resolve) => { allDone = resolve; });
  // The trivial work the Java handler does as well: read the job's number.
  const worker = new Worker(name, async (job) => job.data.n, { connection, concurrency });
  worker.on('completed', () => { if (++completed === jobs) allDone(); });
  worker.on('failed', (job, err) => { console.error(`job ${job?.id} failed: ${err}`); process.exit(2); });
  await worker.waitUntilReady();
  await queue.waitUntilReady();
  const start = process.hrtime.bigint();
  for (let n = 0; n < jobs; n++) {
    await queue.add('job', { n });
  }
  await done;
  const elapsed = process.hrtime.bigint() - start;
  await worker.close();
  return elapsed;
}

async function cleanUp() {
  for (const queue of made) {
    await queue.obliterate({ force: true });
    await queue.close();
  }
}

const lines = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
for await (const line of lines) {
  const [command, concurrency, jobs] = line.trim().split(/\s+/);
  if (command === 'quit') break;
  if (command !== 'round') {
    console.error(`unknown command: ${line}`);
    process.exit(2);
  }
  const elapsed = await round(Number(concurrency), Number(jobs));
  process.stdout.write(`done ${elapsed}\n`);
}
await cleanUp();
process.exit(0);
