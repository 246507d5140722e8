/**
 * The password policy of the API (Regentra.Saas Identity/SaasAuthentication.cs and PasswordRules.cs), shown live
 * while a password is typed. The API stays the judge: its field errors are shown too.
 */
export interface PasswordRule {
  label: string;
  met: (password: string) => boolean;
}

export const PASSWORD_RULES: PasswordRule[] = [
  { label: 'At least 8 characters', met: (p) => p.length >= 8 },
  { label: 'An uppercase letter', met: (p) => p !== p.toLowerCase() },
  { label: 'A lowercase letter', met: (p) => p !== p.toUpperCase() },
  { label: 'A digit (0-9)', met: (p) => /[0-9]/.test(p) },
  { label: 'At least 4 different characters', met: (p) => new Set(p).size >= 4 },
];

export function passwordMeetsRules(password: string): boolean {
  return PASSWORD_RULES.every((rule) => rule.met(password));
}
