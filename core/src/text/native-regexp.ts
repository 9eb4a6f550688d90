/**
 * Large patterns compiled by V8 straight to native code, skipping its regexp interpreter.
 *
 * V8 compiles a regular expression when it first runs: to bytecode for its interpreter,
 * then, once it has run, again to native code (`--regexp-tier-up`) — separately for
 * one-byte and two-byte subjects. For the engine's large case-insensitive Unicode
 * patterns the bytecode compile is the dear step: TIMEFRAME took ~45 ms in a fresh
 * process to compile for a two-byte text (bytecode, then native) and ~5 ms more for a
 * one-byte one; compiled native at once, ~7 ms and ~10 ms. V8 skips the interpreter for a
 * pattern whose first subject is 1,000 characters or longer (`kTierUpForSubjectLengthValue`
 * in its regexp.cc), and every later compile of that pattern, for either encoding, is
 * native too. So the first use runs the pattern once over 1,000 spaces (a match there, if
 * any, is ignored). A V8 without that rule compiles as before, and the matches are the
 * same either way (native-regexp.test.ts).
 */

/** Blank text long enough for V8 to compile a pattern to native code on its first run. */
const LONG_BLANK = ' '.repeat(1000);

/** Compiles `re` to native code now (see the module comment); `lastIndex` is left at 0. */
export function compileNative(re: RegExp): void {
  re.lastIndex = 0;
  re.test(LONG_BLANK);
  re.lastIndex = 0;
}

/** A getter for `re` that compiles it to native code the first time it is called, and then just returns it. */
export function nativeOnFirstUse(re: RegExp): () => RegExp {
  let compiled = false;
  return () => {
    if (!compiled) {
      compiled = true;
      compileNative(re);
    }
    return re;
  };
}
