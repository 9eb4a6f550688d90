/** Worker thread: lints the files the pool sends, one message per file. */
import {parentPort, workerData} from 'node:worker_threads';
import type {ResolvedConfig} from '../../core/src/index.js';
import {lintFile} from './lint-file.js';
import {fileProblem, withCounts} from './result.js';

export interface WorkerData {
  configs: ResolvedConfig[];
  fix: boolean;
}

export interface WorkerRequest {
  index: number;
  filePath: string;
  config: number;
}

const data = workerData as WorkerData;

parentPort?.on('message', (req: WorkerRequest) => {
  let result;
  try {
    result = lintFile({filePath: req.filePath, config: data.configs[req.config], fix: data.fix});
  } catch (error) {
    result = withCounts(req.filePath, [fileProblem(req.filePath, `Internal error while linting: ${(error as Error).message}`)]);
  }
  parentPort!.postMessage({index: req.index, result});
});
