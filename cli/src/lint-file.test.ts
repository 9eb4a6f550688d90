/** Reading a file for a lint: the same bytes readFileSync gives, with one system call fewer. */
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {closeSync, fstatSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {readOpenFile} from './lint-file.js';

let tmp: string;
before(() => {
  tmp = mkdtempSync(join(tmpdir(), 'brief-read-test-'));
});
after(() => {
  rmSync(tmp, {recursive: true, force: true});
});

function readBoth(path: string, size?: number): [Buffer, Buffer] {
  const fd = openSync(path, 'r');
  try {
    return [readOpenFile(fd, size ?? fstatSync(fd).size), readFileSync(path)];
  } finally {
    closeSync(fd);
  }
}

test('reads a file whole, whatever its size', () => {
  // Sizes around Buffer's pool (4 kB) and the 64 kB chunk, and bytes that are not valid UTF-8.
  for (const size of [0, 1, 4095, 4096, 4097, 65536, 200_003]) {
    const path = join(tmp, `f${size}`);
    const bytes = Buffer.alloc(size, 0);
    for (let i = 0; i < size; i++) bytes[i] = (i * 31 + 7) & 0xff;
    writeFileSync(path, bytes);
    const [ours, theirs] = readBoth(path);
    assert.ok(ours.equals(theirs), `size ${size}`);
    assert.equal(ours.length, size);
  }
});

test('a file that shrank after fstat gives what is left; one that grew gives the size fstat saw (as readFileSync(fd))', () => {
  const path = join(tmp, 'changing');
  writeFileSync(path, 'abcdef');
  const [shrunk] = readBoth(path, 10);
  assert.equal(shrunk.toString(), 'abcdef');
  const [grown] = readBoth(path, 3);
  assert.equal(grown.toString(), 'abc');
});

test('with a size of 0 (what fstat says of files the kernel makes up, such as /proc) the file is read to its end', () => {
  const path = join(tmp, 'made-up');
  const text = 'x'.repeat(150_000) + 'end';
  writeFileSync(path, text);
  const [ours] = readBoth(path, 0);
  assert.equal(ours.toString(), text);
});
