/** The built-in adapters by name, for tests: the generic adapter reading each built-in page definition. */
import { builtInAdapter } from '@/lib/adapters';
import type { HostAdapter } from '@/lib/adapters/types';

function adapter(id: string): HostAdapter {
  const found = builtInAdapter(id);
  if (!found) throw new Error(`no built-in adapter ${id}`);
  return found;
}

export const feige = adapter('feige');
export const pinduoduo = adapter('pinduoduo');
export const demoWorkbench = adapter('demo-workbench');
