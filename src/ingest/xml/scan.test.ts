import { describe, expect, it } from 'vitest';
import { childElements, declaredEntities, findRootElement } from './scan';
import { createPositionLocator } from './textPosition';

const doc = `<?xml version="1.0"?>
<!DOCTYPE docs [ <!ENTITY who "the core &amp; friends"> ]>
<!-- <module name="commented-out"/> -->
<docs>
  <module name="a&amp;b" note='single "quoted"'><depend>x</depend></module>
  <application name="Echo" module="&who;"><synopsis><![CDATA[ <application name="fake"> ]]></synopsis></application>
  <manager name="Ping"><responses><manager name="nested"/></responses></manager>
  <agi name="exec"/>
</docs>`;

describe('the element scanner', () => {
  const root = findRootElement(doc);

  it('finds the document element after the prolog, DOCTYPE and comments', () => {
    expect(root?.name).toBe('docs');
  });

  it('lists only direct children, skipping comments, CDATA and nested elements of the same name', () => {
    const entities = root ? declaredEntities(doc, root) : {};
    const children = root ? childElements(doc, root, entities) : [];
    expect(children.map((c) => `${c.name}:${c.attributes.name ?? ''}`)).toEqual([
      'module:a&b',
      'application:Echo',
      'manager:Ping',
      'agi:exec',
    ]);
    expect(children[0]?.attributes.note).toBe('single "quoted"');
    expect(children[1]?.attributes.module).toBe('the core & friends');
  });

  it('gives offsets that map to the element start line and column', () => {
    const children = root ? childElements(doc, root) : [];
    const at = createPositionLocator(doc);
    expect(at(children[2]?.start ?? -1)).toEqual({ line: 7, column: 3 });
    expect(doc.slice(children[2]?.start, children[2]?.end)).toMatch(/^<manager name="Ping">.*<\/manager>$/);
  });
});
