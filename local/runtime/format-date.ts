// Utilities.formatDate: Java SimpleDateFormat patterns rendered in an IANA time zone with Intl.
// Pattern letters follow the SimpleDateFormat reference
// (https://docs.oracle.com/javase/8/docs/api/java/text/SimpleDateFormat.html), which the
// Utilities.formatDate reference points to.
import { zonedParts, zoneOffsetMs } from './zoned-time';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

type Token = { kind: 'literal'; text: string } | { kind: 'field'; letter: string; count: number };

/** Splits a SimpleDateFormat pattern into fields and literals ('' is a quote, 'x' is literal). */
function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const char = pattern[i]!;
    if (char === "'") {
      if (pattern[i + 1] === "'") {
        tokens.push({ kind: 'literal', text: "'" });
        i += 2;
        continue;
      }
      let text = '';
      i++;
      while (i < pattern.length) {
        if (pattern[i] === "'" && pattern[i + 1] === "'") {
          text += "'";
          i += 2;
        } else if (pattern[i] === "'") {
          i++;
          break;
        } else {
          text += pattern[i];
          i++;
        }
      }
      tokens.push({ kind: 'literal', text });
    } else if (/[A-Za-z]/.test(char)) {
      let count = 1;
      while (pattern[i + count] === char) count++;
      tokens.push({ kind: 'field', letter: char, count });
      i += count;
    } else {
      tokens.push({ kind: 'literal', text: char });
      i++;
    }
  }
  return tokens;
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

function formatOffset(offsetMs: number, style: 'Z' | 'X' | 'XX' | 'XXX'): string {
  if (offsetMs === 0 && style !== 'Z') return 'Z';
  const sign = offsetMs < 0 ? '-' : '+';
  const totalMinutes = Math.abs(Math.round(offsetMs / 60_000));
  const hours = pad(Math.floor(totalMinutes / 60), 2);
  const minutes = pad(totalMinutes % 60, 2);
  if (style === 'X') return minutes === '00' ? `${sign}${hours}` : `${sign}${hours}${minutes}`;
  if (style === 'XXX') return `${sign}${hours}:${minutes}`;
  return `${sign}${hours}${minutes}`;
}

function zoneName(epochMs: number, timeZone: string, long: boolean): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    timeZoneName: long ? 'long' : 'short',
  }).formatToParts(new Date(epochMs));
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}

function formatField(letter: string, count: number, epochMs: number, timeZone: string): string {
  const p = zonedParts(epochMs, timeZone);
  const millis = ((epochMs % 1000) + 1000) % 1000;
  switch (letter) {
    case 'y':
      return count === 2 ? pad(p.year % 100, 2) : pad(p.year, count);
    case 'M':
      if (count >= 4) return MONTHS[p.month - 1]!;
      if (count === 3) return MONTHS[p.month - 1]!.slice(0, 3);
      return pad(p.month, count);
    case 'd':
      return pad(p.day, count);
    case 'H':
      return pad(p.hour, count);
    case 'k':
      return pad(p.hour === 0 ? 24 : p.hour, count);
    case 'h':
      return pad(p.hour % 12 === 0 ? 12 : p.hour % 12, count);
    case 'K':
      return pad(p.hour % 12, count);
    case 'm':
      return pad(p.minute, count);
    case 's':
      return pad(p.second, count);
    case 'S':
      return pad(millis, count);
    case 'E':
      return count >= 4 ? DAYS[p.weekday]! : DAYS[p.weekday]!.slice(0, 3);
    case 'u':
      return String(p.weekday === 0 ? 7 : p.weekday);
    case 'a':
      return p.hour < 12 ? 'AM' : 'PM';
    case 'Z':
      return formatOffset(zoneOffsetMs(epochMs, timeZone), 'Z');
    case 'X': {
      const styles = ['X', 'XX', 'XXX'] as const;
      return formatOffset(zoneOffsetMs(epochMs, timeZone), styles[Math.min(count, 3) - 1]!);
    }
    case 'z':
      return zoneName(epochMs, timeZone, count >= 4);
    default:
      throw new Error(
        `Invalid argument: pattern letter "${letter}" is not supported by this Utilities.formatDate.`,
      );
  }
}

/** Formats an instant with a SimpleDateFormat pattern in `timeZone`. */
export function formatDate(epochMs: number, timeZone: string, pattern: string): string {
  return tokenize(pattern)
    .map((token) =>
      token.kind === 'literal' ? token.text : formatField(token.letter, token.count, epochMs, timeZone),
    )
    .join('');
}
