import { describe, expect, it } from 'vitest';
import { detectFormat } from './detectFormat';
import { readE2eFixture, readIngestFixture } from './fixtures/readFixture';

describe('detectFormat', () => {
  it('recognises a full-form xmldoc by its <docs> root, past the prolog, DOCTYPE and stylesheet PI', () => {
    expect(detectFormat(readE2eFixture('core-en_US.xml'))).toBe('xmldoc');
  });

  it('recognises a menuselect-tree by its <menu> root', () => {
    expect(detectFormat(readE2eFixture('menuselect-tree.xml'))).toBe('menuselect-tree');
  });

  it('recognises Module Metadata XML by its own root element', () => {
    expect(detectFormat('<?xml version="1.0"?>\n<moduleMetadata formatVersion="1"></moduleMetadata>')).toBe(
      'metadata-xml',
    );
  });

  it('tells runtime.json from the loader-trace metadata by their fields', () => {
    expect(detectFormat(readIngestFixture('runtime.json'))).toBe('runtime-json');
    expect(detectFormat(readIngestFixture('modules-metadata.json'))).toBe('trace-metadata-json');
  });

  it('recognises a modules.conf by its [modules] section, even after comments', () => {
    expect(detectFormat('; my server\n[modules]\nautoload=yes\nnoload => chan_sip.so\n')).toBe(
      'modules-conf',
    );
  });

  it('says unknown for other XML roots, other JSON and plain text', () => {
    expect(detectFormat('<?xml version="1.0"?><html><body/></html>')).toBe('unknown');
    expect(detectFormat('{"name": "package", "version": "1.0.0"}')).toBe('unknown');
    expect(detectFormat('[general]\nfoo=bar\n')).toBe('unknown');
    expect(detectFormat('')).toBe('unknown');
  });

  it('recognises a module C source by its AST_MODULE_INFO or MODULEINFO block, not by any C', () => {
    expect(detectFormat(readE2eFixture('app_hello.c'))).toBe('c-source');
    expect(detectFormat('/*** MODULEINFO\n<depend>res_curl</depend>\n***/\n')).toBe('c-source');
    expect(detectFormat('#include <stdio.h>\nint main(void) { return 0; }\n')).toBe('unknown');
  });

  it('ignores a byte order mark and leading whitespace', () => {
    expect(detectFormat('\uFEFF\n  <docs></docs>')).toBe('xmldoc');
  });
});
