import { describe, expect, it } from 'vitest';
import { findPartNumber, findPartNumbers, partNumberInText } from './index.js';

describe('the one matcher: what each looseness finds and the fields it reads', () => {
  it('exact: whole numbers as words, any case, with their fields', () => {
    expect(partNumberInText('J2 axe640224d conn')).toBe('AXE640224D');
    expect(partNumberInText('AXE640224DX')).toBeNull();
    expect(partNumberInText('xAXE540127')).toBeNull();
    const m = findPartNumber('value=AXE640224D')!;
    expect(m).toMatchObject({ index: 6, role: 'header', pins: 40, matedHeightMm: 1.0, packaging: '4mm-pitch', key: '640224', inspection: false });
    expect(findPartNumber('AXE5E4026')).toMatchObject({ role: 'socket', inspection: true, pins: 40, key: '5E4026', packaging: null });
  });
  it('written: separators, wildcards (null fields) and old socket codes', () => {
    expect(findPartNumber('AXE6 10x24', { looseness: 'written' })).toMatchObject({
      text: 'AXE6 10x24',
      role: 'header',
      pins: 10,
      code: null,
      matedHeightMm: null,
      key: null,
    });
    // No separator before the code: "AXE6 10 x24" states the role and pins only.
    expect(findPartNumber('AXE6 10 x24', { looseness: 'written' })).toMatchObject({ text: 'AXE6 10', pins: 10, code: null });
    expect(findPartNumber('A4S_AXE6-10224_vendor', { looseness: 'written' })).toMatchObject({ index: 4, pins: 10, code: '224', matedHeightMm: 1.0 });
    expect(findPartNumber('AXE5_40124', { looseness: 'written' })).toMatchObject({ role: 'socket', renamedFrom: 'AXE540124' });
    expect(findPartNumber('AXE640124', { looseness: 'written' })?.renamedFrom).toBeNull();
    expect(findPartNumbers('AXE540127 mates AXE640124', { looseness: 'written' }).map((m) => m.index)).toEqual([0, 16]);
  });
  it('token: look-alike letters and separators kept in the token; fields only in the grammar’s shape', () => {
    expect(findPartNumber('Panasonic axe 540127-D', { looseness: 'token' })).toMatchObject({ text: 'axe 540127-D', key: '540127', pinsText: '40' });
    const cyrillic = findPartNumber('\u0410XE540127', { looseness: 'token' })!;
    expect(cyrillic.text).toBe('\u0410XE540127');
    expect(cyrillic.key).toBeNull();
    expect(findPartNumber('axes', { looseness: 'token' })).toBeNull();
  });
  it('mention: the prefix and a role digit', () => {
    expect(findPartNumber('(fp "AXE-5xx")', { looseness: 'mention' })?.index).toBe(5);
    expect(findPartNumber('AXE7', { looseness: 'mention' })).toBeNull();
  });
});
