// Stand-in for Node's 'url' module, which a dependency of Cornerstone requires; browsers have URL.
export const URL = globalThis.URL;
export const URLSearchParams = globalThis.URLSearchParams;
export function fileURLToPath(u) { return new URL(u).pathname; }
export function pathToFileURL(p) { return new URL(`file://${p}`); }
export default { URL, URLSearchParams, fileURLToPath, pathToFileURL };
