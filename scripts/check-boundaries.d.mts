/** One import specifier of a source text, with its 1-based line. */
export interface FoundImport {
  specifier: string;
  line: number;
}
/** An import of another module of the graph, with the line it is written on. */
export interface ModuleEdge {
  target: string;
  line: number;
}
/** One import that closes a circle: `file`, at `line`, imports `target`. */
export interface CircleStep {
  file: string;
  line: number;
  target: string;
}
/** Every import specifier of a source text, type-only ones included, with its 1-based line. */
export function findImports(source: string): FoundImport[];
/** The layer and package violations of one file of src/, as printable lines. */
export function checkFile(file: string, source: string, imports?: FoundImport[]): string[];
/** Each file's relative imports of other files of the set (absolute paths). */
export function moduleGraph(importsByFile: Map<string, FoundImport[]>): Map<string, ModuleEdge[]>;
/** The import circles of a module graph, each once, as the imports that close it. */
export function findCycles(graph: Map<string, ModuleEdge[]>): CircleStep[][];
