/** The browser command (manifest `commands`) that jumps to the longest wait; Alt+J unless the agent rebinds it. */
export const JUMP_COMMAND = 'jump-longest-waiting';
