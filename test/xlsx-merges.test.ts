// The merged ranges of a sheet part, as its bytes stream past, and their values filled down.
import { describe, expect, it } from 'vitest';
import { MergeFill, MergeTap } from '../src/ingest/xlsx-merges.js';

const XML = '<worksheet><sheetData><row r="1"><c r="A1"/></row></sheetData>' +
  '<mergeCells count="3"><mergeCell ref="A2:A4"/><mergeCell ref="B1:D1"/><mergeCell ref="AA10:AB12"/></mergeCells></worksheet>';

describe('MergeTap', () => {
  it.each([1, 3, 7, 64, 4096])('finds the ranges spanning rows, in chunks of %i bytes', (size) => {
    const tap = new MergeTap();
    const bytes = Buffer.from(XML);
    for (let i = 0; i < bytes.length; i += size) tap.see(bytes.subarray(i, i + size));
    // B1:D1 spans columns only: no row changes
    expect(tap.ranges()).toEqual([{ r1: 2, r2: 4, c1: 0, c2: 0 }, { r1: 10, r2: 12, c1: 26, c2: 27 }]);
  });
  it('finds none in a sheet without merges', () => {
    const tap = new MergeTap();
    tap.see(Buffer.from('<worksheet><sheetData/></worksheet>'));
    expect(tap.ranges()).toEqual([]);
  });
});

describe('MergeFill', () => {
  it('fills a range\'s first values into its rows below, leaving kept columns and filled cells alone', () => {
    const fill = new MergeFill([{ r1: 2, r2: 3, c1: 0, c2: 1 }, { r1: 1, r2: 4, c1: 2, c2: 2 }], new Set([1]));
    expect(fill.apply(2, ['a', '9', 'x'])).toEqual(['a', '9', 'x']);
    expect(fill.apply(3, ['', '', 'y'])).toEqual(['a', '', 'y']); // column 1 kept; the range from row 1 started above the rows seen
    expect(fill.apply(4, ['', '', ''])).toEqual(['', '', '']); // past the range
    expect([fill.filled, [...fill.columns]]).toEqual([1, [0]]);
  });
});
