/**
 * Front coding for sorted ids, shared by the chart data and the search index (and so by both
 * browser scripts: nothing here may import more). Neighbouring ids share most of their start
 * (`rel:affiliated-with-107`, `rel:affiliated-with-108`): each is written as how many characters it
 * shares with the one before (one base-36 digit, at most 35) and the rest.
 */
export function frontCode(ids: readonly string[]): string[] {
  let last = '';
  return ids.map((id) => {
    let shared = 0;
    while (shared < 35 && shared < id.length && id[shared] === last[shared]) shared++;
    last = id;
    return shared.toString(36) + id.slice(shared);
  });
}

/** The ids `frontCode` wrote. */
export function frontDecode(coded: readonly string[]): string[] {
  let last = '';
  return coded.map((code) => (last = last.slice(0, parseInt(code[0]!, 36)) + code.slice(1)));
}
