export type * from './facts';
export { buildAnalyticalNote } from './note';
