import { describe, expect, it } from 'vitest';
import { rootElementName } from './scan';

describe('rootElementName', () => {
  it('finds the document element after the prolog, a DOCTYPE with an internal subset, PIs and comments', () => {
    const doc = `<?xml version="1.0"?>
<!DOCTYPE docs [ <!ENTITY who "a > b"> ]>
<?xml-stylesheet href="x.xslt"?>
<!-- <menu> -->
<docs>`;
    expect(rootElementName(doc)).toBe('docs');
  });

  it('says nothing for text without elements', () => {
    expect(rootElementName('[modules]\nautoload = yes')).toBeUndefined();
    expect(rootElementName('<!-- only a comment -->')).toBeUndefined();
  });
});
