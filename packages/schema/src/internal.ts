/**
 * @claimgraph/schema/internal — helpers the other claimgraph packages share. NOT covered by semver:
 * anything here may change or go in any release; use the public entries instead.
 */
export { resolveOptions, type OptionCheck, type OptionProblem, type ResolveOptionsSettings } from './options.js';
export { closestName } from './suggest.js';
export { maxOf, minOf, pushAll } from './arrays.js';
export { mulberry32 } from './prng.js';
export { DATE_FIELDS, REFERENCES, SPEAKER_TYPES, TEXT_FIELDS } from './rules.js';
export { listShapeProblems } from './validate.js';
export { sourceFileTexts } from './source-texts.js';
export { mayHoldForbiddenText } from './text.js';
export { encodeColumnsChunks } from './columns/encode.js';
export {
  compileQuickCheck,
  quickCheckModule,
  quickCheckSchemas,
  speedSchema,
  type QuickCheck,
  type SpeedSchema,
  type SpeedSchemaOptions,
} from './quick-check.js';
