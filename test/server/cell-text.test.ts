import { asCellText } from '../../src/server/gas/sheet';

describe('asCellText', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '=HYPERLINK("x")'])('neutralises %p', (text) => {
    expect(asCellText(text)).toBe(`'${text}`);
  });

  it.each(['Sent', 'Invalid: Row 3, column "UPC": "=1+1" is not a UPC', ''])('keeps %p', (text) => {
    expect(asCellText(text)).toBe(text);
  });
});
