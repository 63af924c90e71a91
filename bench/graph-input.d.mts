/** Multi-document YAML of `services` generated services with their routing (bench/graph-input.mjs). */
export function meshYaml(services: number): string;
