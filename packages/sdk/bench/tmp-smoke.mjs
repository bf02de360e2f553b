import { ClaimGraph } from '../dist/index.js';
import { syntheticDataset } from '../dist/synthetic.js';
const ds = syntheticDataset({ entities: 200, seed: 3 });
let cg = ClaimGraph.fromData(ds);
console.log(cg.relations().length, cg.statements().length, cg.contested().length);
const e = ds.entities[0].id;
console.log(e, cg.neighbors(e).length, cg.relations({ entity: e }).length, cg.search('haqqani', {limit: 5}).map(x => x.name));
console.log(cg.path(ds.entities[5].id, ds.entities[50].id, { directed: false }));
console.log(cg.stances(ds.relations[0].id).status, cg.asOf('2010').statements().length, cg.graph.order, cg.graph.size);
const bad = structuredClone(ds); bad.statements[0].date = '2021-02-30'; bad.statements[1].spekaer = 1;
try { ClaimGraph.fromData(bad) } catch (e) { console.log(e.message) }
try { cg.neighbors('x') } catch (e) { console.log(e.message) }
