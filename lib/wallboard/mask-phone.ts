import { SHORT_CODES } from '@/lib/board/party';

/** What stands for a hidden digit. */
export const MASK = '•';

/** A number as the sources may write it: `+`, digits and the usual separators. */
const NUMBER_LIKE = /^\+?[\d\s\-().]+$/;

/** Hidden digits in groups of three or two, the way the eye counts them: `••• ••`, `•• ••`. */
function bullets(count: number): string {
  const groups: string[] = [];
  let left = count;
  for (; left > 4; left -= 3) groups.push(MASK.repeat(3));
  if (left === 4) groups.push(MASK.repeat(2), MASK.repeat(2));
  else if (left > 0) groups.push(MASK.repeat(left));
  return groups.join(' ');
}

/**
 * A phone number with its middle hidden, for screens a room can read: the country code, the next
 * two digits (the region, which says where a call comes from) and the last two (enough to tell two
 * callers apart) stay, e.g. `+49 30 ••• •• 10`. A number without a country code keeps only its
 * last two digits; text that is not a number has every digit but its last two hidden. Idempotent:
 * a masked number comes back as it is.
 */
export function maskPhone(number: string): string {
  if (number.includes(MASK)) return number;
  const trimmed = number.trim();
  if (!NUMBER_LIKE.test(trimmed)) return maskDigits(trimmed);
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length <= 2) return MASK.repeat(digits.length);
  if (!trimmed.startsWith('+')) return `${bullets(digits.length - 2)} ${digits.slice(-2)}`;
  const code = SHORT_CODES.exec(digits)?.[0] ?? digits.slice(0, 3);
  const rest = digits.slice(code.length);
  const parts =
    rest.length <= 4
      ? [`+${code}`, bullets(Math.max(0, rest.length - 2)), rest.slice(-2)]
      : [`+${code}`, rest.slice(0, 2), bullets(rest.length - 4), rest.slice(-2)];
  return parts.filter(Boolean).join(' ');
}

/**
 * Text that may carry a number (a name a CCP gave an external party, a SIP address): every digit
 * but the last two hidden once it holds five or more, so no number can be read from it.
 */
export function maskDigits(text: string): string {
  const total = text.replace(/\D/g, '').length;
  if (total < 5) return text;
  let seen = 0;
  return text.replace(/\d/g, (d) => (++seen > total - 2 ? d : MASK));
}
