// The RangeList fake: one formatting call applied to several ranges of a sheet.

import type { FakeContext } from './fake-context';
import type { FakeRange } from './fake-range';

export type FakeRangeList = ReturnType<typeof createRangeList>;

/** Builds a RangeList. Each of its methods counts as one call, as in Apps Script. */
export function createRangeList(context: FakeContext, ranges: FakeRange[]) {
  const count = (method: string) => context.count('RangeList', method);
  // The list counts as one call, so the per-range methods it applies are not counted.
  const applyToEach = (method: string, apply: (range: FakeRange) => void) => {
    count(method);
    context.withoutCounting(() => {
      for (const range of ranges) apply(range);
    });
  };

  const list = {
    getRanges(): FakeRange[] {
      count('getRanges');
      return [...ranges];
    },
    setBackground(color: string | null) {
      applyToEach('setBackground', (range) => range.setBackground(color));
      return list;
    },
    setFontColor(color: string | null) {
      applyToEach('setFontColor', (range) => range.setFontColor(color));
      return list;
    },
    setFontWeight(weight: 'bold' | 'normal' | null) {
      applyToEach('setFontWeight', (range) => range.setFontWeight(weight));
      return list;
    },
    setNumberFormat(format: string) {
      applyToEach('setNumberFormat', (range) => range.setNumberFormat(format));
      return list;
    },
    setNote(note: string | null) {
      applyToEach('setNote', (range) => range.setNote(note));
      return list;
    },
    setValue(value: unknown) {
      applyToEach('setValue', (range) => range.setValue(value));
      return list;
    },
    clear(options?: { contentsOnly?: boolean; formatOnly?: boolean; commentsOnly?: boolean }) {
      applyToEach('clear', (range) => range.clear(options));
      return list;
    },
    clearContent() {
      applyToEach('clearContent', (range) => range.clearContent());
      return list;
    },
    clearFormat() {
      applyToEach('clearFormat', (range) => range.clearFormat());
      return list;
    },
    clearNote() {
      applyToEach('clearNote', (range) => range.clearNote());
      return list;
    },
    activate() {
      count('activate');
      const last = ranges[ranges.length - 1];
      if (last) context.withoutCounting(() => last.activate());
      return list;
    },
  };
  return list;
}
