import { Problem } from '../../../core/http/problem';

/** Why the API's team rules exist, added to its own sentence so a refusal reads as a reason, not a failure. */
const WHY: Record<string, string> = {
  'Saas:User.LastAdmin': 'An organisation always keeps one active Admin, so someone can still manage it.',
  'Saas:User.CannotChangeSelf': 'Nobody changes their own role or access, so nobody locks themselves out by mistake.',
  'Saas:Role.NotGrantable': 'You can only give, take away or switch off roles whose permissions you hold yourself.',
  'Saas:User.AlreadyMember': 'They can sign in already; change their role instead.',
};

export function explainTeamRefusal(problem: Problem): string {
  const why = WHY[problem.code];
  const detail = problem.detail ?? 'The change was refused.';
  return why ? `${detail} ${why}` : `${detail} (${problem.code})`;
}

export function isTeamRefusal(problem: Problem): boolean {
  return problem.code in WHY;
}
