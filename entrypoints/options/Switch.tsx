export interface SwitchProps {
  checked: boolean;
  label: string;
  disabled?: boolean;
  title?: string;
  onChange(checked: boolean): void;
}

/** An on/off switch: a button with role="switch", so Space and Enter toggle it. */
export function Switch({ checked, label, disabled, title, onChange }: SwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      aria-label={label}
      class={`switch${checked ? ' switch--on' : ''}`}
      disabled={disabled}
      title={title ?? label}
      onClick={() => onChange(!checked)}
    >
      <span class="switch-knob" />
    </button>
  );
}
