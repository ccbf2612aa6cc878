/** iRedAdmin-Pro's default password policy: a letter, an upper-case letter, a digit and a special character. */
const SPECIAL_CHARACTERS = `#$%&*+-,.:;!=<>'"?@[]/(){}_\\\`~`;

export interface LengthBounds {
  min: number;
  /** 0 = no upper bound. */
  max: number;
}

/**
 * The `_msg` codes of every rule `password` breaks, in the product's order (empty when it is
 * acceptable). Like the real product, a password that breaks several rules is refused with all of
 * them, so one answer tells the whole fix.
 */
function passwordPolicyViolations(password: string, bounds: LengthBounds): string[] {
  if (password.length === 0) return ['PW_EMPTY'];
  const rules: [boolean, string][] = [
    [/[^\x20-\x7e]/.test(password), 'PW_NON_ASCII'],
    [password.length < bounds.min, 'PW_SHORTER_THAN_MIN_LENGTH'],
    [bounds.max > 0 && password.length > bounds.max, 'PW_GREATER_THAN_MAX_LENGTH'],
    [!/[a-zA-Z]/.test(password), 'PW_NO_LETTER'],
    [!/[A-Z]/.test(password), 'PW_NO_UPPERCASE'],
    [!/\d/.test(password), 'PW_NO_DIGIT_NUMBER'],
    [![...password].some((c) => SPECIAL_CHARACTERS.includes(c)), 'PW_NO_SPECIAL_CHAR'],
  ];
  return rules.filter(([broken]) => broken).map(([, code]) => code);
}

/** The `_msg` for a refused password: every broken rule, comma-joined; null when it is acceptable. */
export function passwordPolicyViolation(password: string, bounds: LengthBounds): string | null {
  const codes = passwordPolicyViolations(password, bounds);
  return codes.length ? codes.join(',') : null;
}
