/**
 * The mapper's styles, inside its own shadow root (as the reload notice's are): the page's CSS can't reach it, and it
 * needs no stylesheet file the page would have to be allowed to load. Colours are components/tokens.css's.
 */
export const MAPPER_CSS = `
:host { all: initial; }
.hs-mapper-layer { position: fixed; inset: 0; pointer-events: none; z-index: 2147483600; }
.hs-mapper-hover { position: fixed; box-sizing: border-box; border: 2px solid #1a5fe6; background: rgba(26, 95, 230, 0.12); pointer-events: none; }
.hs-mapper-match { position: fixed; box-sizing: border-box; border: 1px dashed #1a5fe6; pointer-events: none; }
.hs-mapper-badge { position: fixed; padding: 0 4px; border-radius: 3px; font: 11px/16px system-ui, sans-serif; color: #fff; pointer-events: none; }
.hs-mapper-badge--buyer { background: #1e7e34; }
.hs-mapper-badge--agent { background: #1a5fe6; }
.hs-mapper-badge--unknown { background: #ad5a00; }
.hs-mapper--left { left: 12px; }
.hs-mapper--right { right: 12px; }
.hs-mapper {
  position: fixed; top: 12px; z-index: 2147483601; box-sizing: border-box; width: 360px;
  max-height: calc(100vh - 24px); overflow: auto; padding: 12px 14px; pointer-events: auto;
  font: 13px/1.5 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', system-ui, sans-serif; color: #1f2329;
  background: #fff; border: 1px solid #dee0e3; border-radius: 8px; box-shadow: 0 8px 28px rgba(31, 35, 41, 0.18);
}
.hs-mapper-head { display: flex; align-items: center; justify-content: space-between; }
.hs-mapper-title { flex: 1; margin: 0; font-size: 14px; font-weight: 600; }
.hs-mapper-close { border: 0; background: none; font-size: 18px; cursor: pointer; color: #646a73; }
.hs-mapper-hint { margin: 6px 0 8px; color: #646a73; }
.hs-mapper-steps { list-style: none; margin: 0; padding: 0; }
.hs-mapper-step { padding: 6px 0; border-top: 1px solid #eff0f1; }
.hs-mapper-step-head { display: flex; align-items: center; gap: 6px; }
.hs-mapper-step-name { flex: 1; }
.hs-mapper-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.hs-mapper-mark { width: 16px; text-align: center; color: #868c95; }
.hs-mapper-mark--ok { color: #1e7e34; }
.hs-mapper-mark--bad { color: #cf2c26; }
.hs-mapper-step-body { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 6px; margin: 4px 0 0 22px; }
.hs-mapper-selector { flex-basis: 100%; overflow-wrap: anywhere; font: 12px/1.4 ui-monospace, Menlo, Consolas, monospace; color: #1f2329; background: #f5f6f7; padding: 2px 4px; border-radius: 3px; }
.hs-mapper-count { flex: 1; color: #646a73; font-size: 12px; }
.hs-mapper-btn { padding: 2px 8px; border: 1px solid #dee0e3; border-radius: 4px; background: #fff; color: #1f2329; font: inherit; font-size: 12px; cursor: pointer; }
.hs-mapper-btn[aria-pressed='true'] { border-color: #1a5fe6; color: #1a5fe6; }
.hs-mapper-btn:disabled { color: #868c95; cursor: default; }
.hs-mapper-btn--primary { background: #1a5fe6; border-color: #1a5fe6; color: #fff; }
.hs-mapper-btn--primary:disabled { background: #c9d8fb; border-color: #c9d8fb; color: #fff; }
.hs-mapper-problem { margin: 8px 0 0; color: #cf2c26; }
.hs-mapper-sides { margin: 8px 0 0; color: #646a73; }
.hs-mapper-actions, .hs-mapper-foot { display: flex; gap: 8px; margin-top: 10px; }
.hs-mapper-foot { justify-content: flex-end; }
.hs-mapper-status { margin: 8px 0 0; overflow-wrap: anywhere; }
.hs-mapper-status--ok { color: #1e7e34; }
.hs-mapper-status--error { color: #cf2c26; }
`;
