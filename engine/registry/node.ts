export { loadPolicySet, readSources, contentHash, findPolicyFiles } from './load';
