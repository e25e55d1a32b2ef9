export function startWorkbench(options?: { port?: number }): Promise<{ url: string; close(): Promise<void> }>;
