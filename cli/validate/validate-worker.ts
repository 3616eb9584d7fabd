/** The entry of validate's worker threads: judges each batch it is sent and answers in the same order. */
import { parentPort } from 'node:worker_threads';
import { judgeBatch, type LineBatch } from './batch.js';

const port = parentPort!;
port.on('message', (batch: LineBatch) => port.postMessage(judgeBatch(batch)));
