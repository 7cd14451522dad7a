/**
 * How Node runs the service in production (Dockerfile, systemd, npm start,
 * benchmark). A small heap keeps the process within about 110 MB under load:
 * without limits V8 lets the heap grow past 200 MB before collecting, which
 * the service never needs (its answers are a few kilobytes).
 */
export const NODE_RUNTIME_FLAGS = ['--max-old-space-size=96', '--max-semi-space-size=4'] as const;
