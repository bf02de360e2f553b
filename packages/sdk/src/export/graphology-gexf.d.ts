// graphology-gexf's writer alone: its package entry also loads the DOM-based parser, which the
// export needs neither in Node nor in a browser.
declare module 'graphology-gexf/common/writer.js' {
  import type Graph from 'graphology-types';
  import type { GexfWriterOptions } from 'graphology-gexf/common/types';

  export default function write(graph: Graph, options?: GexfWriterOptions): string;
}
