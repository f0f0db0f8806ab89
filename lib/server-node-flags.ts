/**
 * Node.js flags of the portal's server process, and of the benchmark's classification process so that it
 * measures the same runtime. A larger young generation lets the millions of short-lived objects of a national
 * classification run die young instead of being promoted to the old generation. On the 2-core machine, one
 * run with each setting: 18.4 s and 939 MB peak with 64 MB, 21.8 s and 1,268 MB with the default 16 MB (the
 * same run varies by about 30 % there, so take this as a direction, not a figure).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];
