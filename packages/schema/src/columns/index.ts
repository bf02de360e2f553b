/** The columnar release file: its format, the encoder the release build uses, and the reader. */
export {
  COLUMNS_FILE,
  COLUMNS_MAGIC,
  COLUMNS_VERSION,
  COLUMN_TABLES,
  ColumnsHeaderSchema,
  type ColumnHeader,
  type ColumnsHeader,
  type ColumnTable,
} from './format.js';
export { encodeColumns } from './encode.js';
export {
  readColumns,
  isColumnsFile,
  columnsToDataset,
  ColumnsFormatError,
  TextColumn,
  type Columns,
  type TableView,
  type ColumnView,
  type StringView,
  type StringsView,
  type RefView,
  type EnumView,
  type DateView,
  type BoolView,
  type JsonView,
} from './decode.js';
export { decodeDate, encodeDate, daysFromCivil, civilFromDays, PRECISIONS } from './days.js';
export { tablePlan, type FieldPlan } from './plan.js';
export { fieldValueCheck, fieldProperty } from './field-check.js';
