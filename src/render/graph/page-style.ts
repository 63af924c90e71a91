/** The HTML page's styles (inline; system fonts only, so that nothing is fetched). */
import { PROBLEM_STROKE } from './labels.js';

/** The stylesheet of the page. */
export const PAGE_STYLE = `
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; font: 13px/1.4 system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif; color: #263238; }
body { display: flex; flex-direction: column; }
header { display: flex; gap: 10px; align-items: center; padding: 8px 12px; border-bottom: 1px solid #cfd8dc; background: #fafafa; }
header h1 { font-size: 15px; margin: 0 12px 0 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 40%; }
header input { flex: 0 1 320px; padding: 4px 8px; border: 1px solid #b0bec5; border-radius: 4px; }
header button { padding: 3px 10px; border: 1px solid #b0bec5; background: #fff; border-radius: 4px; cursor: pointer; }
#counts, #matches { color: #546e7a; white-space: nowrap; }
main { flex: 1; display: flex; min-height: 0; }
#canvas { flex: 1; overflow: hidden; cursor: grab; background: #fff; touch-action: none; }
#canvas svg { width: 100%; height: 100%; display: block; user-select: none; }
aside { width: 380px; overflow: auto; border-left: 1px solid #cfd8dc; padding: 10px 12px; background: #fcfcfc; }
aside h2 { font-size: 14px; margin: 6px 0; word-break: break-all; }
aside h3 { font-size: 12px; margin: 10px 0 4px; text-transform: uppercase; color: #546e7a; }
.muted { color: #607d8b; margin: 2px 0; word-break: break-all; }
.source { font-family: ui-monospace, Menlo, Consolas, monospace; margin: 2px 0 6px; }
table { border-collapse: collapse; width: 100%; }
th { text-align: left; vertical-align: top; padding: 2px 8px 2px 0; color: #546e7a; font-weight: 500; white-space: nowrap; }
td { padding: 2px 0; white-space: pre-wrap; word-break: break-word; }
pre.config { font: 11px/1.35 ui-monospace, Menlo, Consolas, monospace; background: #f5f5f5; padding: 6px; overflow: auto; max-height: 40vh; }
ul.problems, #problem-list ul { padding-left: 16px; margin: 4px 0; }
li.level-Error, li.level-Warning { color: ${PROBLEM_STROKE}; }
#problem-list li { cursor: pointer; margin-bottom: 3px; }
.legend { display: grid; grid-template-columns: 28px 1fr; gap: 3px 6px; align-items: center; }
.swatch { width: 24px; height: 14px; border: 1px solid #78909c; border-radius: 3px; }
.line { width: 24px; height: 0; border-top: 2px solid #455a64; }
g.node { cursor: pointer; }
g.node.selected rect { stroke: #1565c0; stroke-width: 3; }
g.edge.selected path { stroke: #1565c0; }
svg.searching g.node:not(.match) { opacity: 0.25; }
svg.searching g.edge { opacity: 0.25; }
g.node.match rect { stroke: #1565c0; stroke-width: 3; }
g.edge { cursor: pointer; }
.note { padding: 24px; font-size: 15px; color: #546e7a; }
`;
