/** Types of what ocrWorker.mjs exports (the worker itself is plain JS, started from a data: URL). */
export declare const networkAttempts: { count: number };
export declare function installNetworkGuard(target?: typeof globalThis, netModule?: typeof import('node:net')): void;
