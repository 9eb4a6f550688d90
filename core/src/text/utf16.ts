/**
 * A string's UTF-16 code units as a mutable array, and back. Native (Buffer's UTF-16LE
 * copy) where the host has Buffer — about five times faster than a charCodeAt loop and
 * String.fromCharCode.apply — and a plain loop elsewhere. Both keep every code unit,
 * lone surrogates included.
 */
const NodeBuffer = (globalThis as {Buffer?: typeof Buffer}).Buffer;

export function toCodeUnits(text: string): Uint16Array {
  if (NodeBuffer) {
    const bytes = NodeBuffer.from(text, 'utf16le');
    // Pooled buffers are 8-byte aligned; copy in the unlikely case one is not 2-byte aligned.
    if (bytes.byteOffset % 2 === 0) return new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.length / 2);
  }
  return toCodeUnitsPortable(text);
}

export function fromCodeUnits(units: Uint16Array): string {
  if (NodeBuffer) return NodeBuffer.from(units.buffer, units.byteOffset, units.byteLength).toString('utf16le');
  return fromCodeUnitsPortable(units);
}

/** Without Buffer (exported for tests). */
export function toCodeUnitsPortable(text: string): Uint16Array {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return units;
}

export function fromCodeUnitsPortable(units: Uint16Array): string {
  let s = '';
  // apply() has an argument limit: build in chunks.
  for (let i = 0; i < units.length; i += 8192) {
    s += String.fromCharCode.apply(null, units.subarray(i, i + 8192) as unknown as number[]);
  }
  return s;
}

/**
 * A string that does not share memory with the one it was cut from. (In V8 a slice points
 * into its parent, and slicing a concatenation slices the part it falls in, so neither
 * makes a copy; a trip through the code units does — three times faster than a JSON
 * round trip — and keeps lone surrogates exactly.) For keys of caches that outlive the
 * text they were cut from: a slice would keep the whole text alive.
 */
export function ownCopy(text: string): string {
  return fromCodeUnits(toCodeUnits(text));
}
