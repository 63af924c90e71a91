/** Picks the renderer for a format; the HTML and SVG renderers (and the layout library they use) load only when asked for. */
import type { MeshGraph, NodeConfigs } from '../../core/graph/index.js';
import type { GraphFormat } from './flags.js';

/** Options every renderer may use. */
export interface RenderOptions {
  /** The page's title (HTML). */
  title: string;
}

/** The graph as text in `format`. */
export async function renderGraph(graph: MeshGraph, configs: NodeConfigs, format: GraphFormat, options: RenderOptions): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('../../render/graph/json.js')).graphJson(graph);
    case 'dot':
      return (await import('../../render/graph/dot.js')).graphDot(graph);
    case 'mermaid':
      return (await import('../../render/graph/mermaid.js')).graphMermaid(graph);
    case 'svg':
      return (await import('../../render/graph/svg.js')).graphSvg(graph);
    case 'html':
      return (await import('../../render/graph/html.js')).graphHtml(graph, configs, options.title);
  }
}
