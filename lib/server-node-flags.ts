/**
 * Node.js flags of the portal's server process, and of the benchmark's classification process so that it
 * measures the same runtime. A larger young generation lets the millions of short-lived objects of a national
 * classification run die young: measured on the 2-core machine, the run is faster and its peak memory lower
 * (fewer objects are promoted to the old generation) than with the default 16 MB.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];
