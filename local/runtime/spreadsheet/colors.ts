// Colour strings as Apps Script accepts them: `#rrggbb`, `#rgb` and CSS colour names.

const NAMED_COLORS: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  gray: '#808080',
  grey: '#808080',
  silver: '#c0c0c0',
  purple: '#800080',
  pink: '#ffc0cb',
  cyan: '#00ffff',
  magenta: '#ff00ff',
  lime: '#00ff00',
  navy: '#000080',
  maroon: '#800000',
  olive: '#808000',
  teal: '#008080',
  lightgray: '#d3d3d3',
  lightgrey: '#d3d3d3',
  lightgreen: '#90ee90',
  lightyellow: '#ffffe0',
  salmon: '#fa8072',
};

/** Returns the colour as lower-case `#rrggbb`, or null when it is not a colour. */
export function normalizeColor(color: string): string | null {
  const text = color.trim().toLowerCase();
  const named = NAMED_COLORS[text];
  if (named) return named;
  if (/^#[0-9a-f]{6}$/.test(text)) return text;
  if (/^#[0-9a-f]{3}$/.test(text)) {
    return `#${text[1]}${text[1]}${text[2]}${text[2]}${text[3]}${text[3]}`;
  }
  return null;
}
