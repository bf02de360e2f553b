/** Where the site explains its consensus rules, and each rule's anchor there. */

export const RULES_PATH = 'rules.html';

/** The anchor of a rule on the rules page: `each-speaker-latest@1` → `each-speaker-latest-1`. */
export const ruleAnchor = (rule: string): string => rule.replace('@', '-');
