/** The editor families the workbench can mount, as in `?editor=NAME`. */
export const EDITORS: string[];
/** Writes demo/public/editors/NAME.js for every editor family. */
export function buildEditors(): Promise<void>;
