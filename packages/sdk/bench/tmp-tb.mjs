import { TypeCompiler } from '@sinclair/typebox/compiler';
import { StatementSchema } from '@claimgraph/schema';
console.log(TypeCompiler.Code(StatementSchema).slice(0, 3000));
