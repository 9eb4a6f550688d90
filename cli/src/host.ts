/** The file system as the config loader sees it ('/'-separated absolute paths). */
import {readFileSync, realpathSync, statSync} from 'node:fs';
import type {ConfigHost} from '../../core/src/config/index.js';

const ABSENT = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

function absent(error: unknown): boolean {
  return ABSENT.has((error as NodeJS.ErrnoException).code ?? '');
}

export const fsConfigHost: ConfigHost = {
  readFile(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch (error) {
      if (absent(error)) return undefined;
      throw error;
    }
  },
  fileSize(path) {
    try {
      const st = statSync(path);
      return st.isFile() ? st.size : undefined;
    } catch (error) {
      if (absent(error)) return undefined;
      throw error;
    }
  },
  // Installed rule packs are read from their real location, as Node loads packages
  // (so a pack's own relative `extends` works through pnpm-style symbolic links).
  realPath(path) {
    return realpathSync.native(path).replace(/\\/g, '/');
  },
};
