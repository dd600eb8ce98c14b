#!/usr/bin/env node
/**
 * Builds the tiny module files the ELF reader's tests read (src/ingest/elf/fixtures/*.so) with the
 * machine's C compiler. The C source is ours and written here: two modules shaped like Asterisk's,
 * one exporting a function (as a GLOBAL_SYMBOLS module does) and one using it and the core's
 * registration functions, which stay undefined in a module's .so until the asterisk binary
 * provides them. Run: node scripts/build-elf-fixtures.mjs (needs gcc).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = join(dirname(fileURLToPath(import.meta.url)), '../src/ingest/elf/fixtures');
const work = mkdtempSync(join(tmpdir(), 'elf-fixtures-'));

const sources = {
  // Exports a function other modules call: what makes them link against it.
  'res_fixture_provider.c': `
int ast_fixture_provider_count(void) { return 42; }
int ast_fixture_provider_register(const char *name) { return name != 0; }
`,
  // Uses the provider's export and the core's registration functions.
  'app_fixture_user.c': `
struct ast_module;
extern int ast_fixture_provider_count(void);
extern void __ast_module_shutdown_ref(struct ast_module *mod, const char *file, int line, const char *func);
extern int __ast_format_interface_register(const char *codec, const void *iface, struct ast_module *mod);
extern double sqrt(double);
static struct ast_module *self;
int load_module(void) {
  __ast_module_shutdown_ref(self, "app_fixture_user.c", 1, "load_module");
  __ast_format_interface_register("opus", 0, self);
  return ast_fixture_provider_count() + (int)sqrt(4.0);
}
`,
};

const flags = ['-shared', '-fPIC', '-Os', '-nostdlib', '-s', '-Wl,-z,noseparate-code', '-Wl,--hash-style=gnu'];
for (const [file, text] of Object.entries(sources)) {
  const c = join(work, file);
  writeFileSync(c, text);
  const so = join(out, file.replace(/\.c$/, '.so'));
  const libs = file.startsWith('app_') ? ['-Wl,--no-as-needed', '-lm'] : [];
  execFileSync('gcc', [...flags, `-Wl,-soname,${file.replace(/\.c$/, '.so')}`, '-o', so, c, ...libs], {
    stdio: 'inherit',
  });
  console.log(`wrote ${so}`);
}
rmSync(work, { recursive: true, force: true });
