/**
 * Built-in modules register themselves from constructors as the core starts, so their order is
 * the link order of their objects: main/Makefile builds MOD_OBJS with `$(sort ...)`, i.e. sorted
 * by source file name. Two built-ins are named differently from their file.
 */
const SOURCE_FILE_OF: Readonly<Record<string, string>> = {
  extconfig: 'config',
  acl: 'named_acl',
};

/**
 * Registration order of built-in modules derived from their source file names. For Asterisk 16 to
 * master this reproduces the order recorded by the loader traces (ccss cdr cel extconfig dnsmgr ...).
 */
export function deriveBuiltinOrder(builtins: Iterable<string>): string[] {
  const fileOf = (name: string): string => SOURCE_FILE_OF[name] ?? name;
  return [...builtins].sort((a, b) => {
    const fa = fileOf(a);
    const fb = fileOf(b);
    return fa < fb ? -1 : fa > fb ? 1 : 0;
  });
}
