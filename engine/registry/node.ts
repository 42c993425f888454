export { loadPolicySet, readSources, contentHash, findPolicyFiles, withoutBom } from './load';
export { loadLastGood, setHash, type LoadedSet, type LoadProblem } from './last-good';
