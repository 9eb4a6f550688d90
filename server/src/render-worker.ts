/**
 * The preview's Markdown parser, in a worker thread (see preview-renderer.ts): receives the
 * pieces a page needs and posts back each one's template as soon as it is parsed, in order.
 * unified/remark is loaded here only, never in the server's own thread.
 */
import {parentPort} from 'node:worker_threads';
import {renderSectionSafely} from '../../core/src/render/markdown.js';
import type {RenderJob, RenderReply} from './preview-renderer.js';

const port = parentPort;
if (!port) throw new Error('render-worker.js runs as a worker thread of the language server');
port.on('message', (job: RenderJob) => {
  job.pieces.forEach((piece, index) => {
    const reply: RenderReply = {index, template: renderSectionSafely(piece.text, piece.definitions)};
    port.postMessage(reply);
  });
});
port.postMessage({ready: true} satisfies RenderReply);
