export * from './ast';
export { parseMakefile } from './reader';
export { LineIndex } from './lineIndex';
