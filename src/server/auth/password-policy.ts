/** iRedAdmin-Pro's default password policy: a letter, an upper-case letter, a digit and a special character. */
export const SPECIAL_CHARACTERS = `#$%&*+-,.:;!=<>'"?@[]/(){}_\\\`~`;

export interface LengthBounds {
  min: number;
  /** 0 = no upper bound. */
  max: number;
}

/** The `_msg` code of the first rule `password` breaks, or null when it is acceptable. */
export function passwordPolicyViolation(password: string, bounds: LengthBounds): string | null {
  if (password.length === 0) return 'PW_EMPTY';
  if (/[^\x20-\x7e]/.test(password)) return 'PW_NON_ASCII';
  if (password.length < bounds.min) return 'PW_SHORTER_THAN_MIN_LENGTH';
  if (bounds.max > 0 && password.length > bounds.max) return 'PW_GREATER_THAN_MAX_LENGTH';
  if (!/[a-zA-Z]/.test(password)) return 'PW_NO_LETTER';
  if (!/[A-Z]/.test(password)) return 'PW_NO_UPPERCASE';
  if (!/\d/.test(password)) return 'PW_NO_DIGIT_NUMBER';
  if (![...password].some((c) => SPECIAL_CHARACTERS.includes(c))) return 'PW_NO_SPECIAL_CHAR';
  return null;
}
