import { describe, expect, it } from 'vitest';
import { findDescendants, parseXml } from './xml';

describe('parseXml', () => {
  it('builds a tree with attributes, entities, CDATA and comments', () => {
    const root = parseXml('<?xml version="1.0"?><!-- c --><a x="1 &gt; 0" y=\'q\'><b>т&#1077;кст &#x41;</b><c/><![CDATA[<raw>]]></a>');
    expect(root).toEqual({
      name: 'a',
      attributes: { x: '1 > 0', y: 'q' },
      children: [{ name: 'b', attributes: {}, children: ['текст A'] }, { name: 'c', attributes: {}, children: [] }, '<raw>'],
    });
  });

  it('accepts `>` inside attribute values', () => {
    expect(parseXml('<a t="x>y"/>').attributes).toEqual({ t: 'x>y' });
  });

  it('rejects broken markup', () => {
    expect(() => parseXml('<a><b></a>')).toThrow(SyntaxError);
    expect(() => parseXml('<a>')).toThrow(SyntaxError);
  });

  it('finds descendants without entering stop elements', () => {
    const root = parseXml('<t><r><c/><t><r/></t></r><x><r/></x></t>');
    expect(findDescendants(root, 'r', ['t'])).toHaveLength(2);
  });
});
